/** Choices as round chips (chips.css): a component imports this and puts `chips`, `chips__chip`, `chips__text` on. */
import './chips.css'
