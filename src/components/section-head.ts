/** A section's head (section-head.css): `section-head`, `section-head__title`, `section-head__count`. */
import './section-head.css'
