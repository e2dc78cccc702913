/** A round mark holding one character (round-mark.css): `round-mark` beside the owner's class, which gives its colours. */
import './round-mark.css'
