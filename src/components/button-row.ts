/** Buttons that share a row evenly (button-row.css): a component imports this beside its own stylesheet. */
import './button-row.css'
