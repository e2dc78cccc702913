/**
 * The card pieces lists share (list-card.css): `list-card` on the card, `list-card--barred` for a bar on its left
 * that `list-card--flagged` turns red, `list-card__head` and `list-card__title` for its head. A card imports this
 * module beside its own stylesheet, which then says only what is its own.
 */
import './list-card.css'
