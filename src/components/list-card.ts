/**
 * The card pieces lists share (list-card.css): `list-card` on the card, `list-card--barred` for a bar on its left
 * that `list-card--flagged` turns red, `list-card__head` and `list-card__title` for its head, `list-card__foot` for
 * its foot; `list-card__entry` (with `__entry-head`, `__who`, `__time`, `__text`) for entries inside a card,
 * `list-card__quote` for a passage on grey, and `list-card__tag` with a tone (`--plain`, `--warn`, `--good`, `--bad`,
 * or a DueState such as `--overdue`) for a framed word. A card imports this module beside its own stylesheet, which
 * then says only what is its own.
 */
import './list-card.css'
