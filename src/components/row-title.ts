/** A row's title with a tag on its right (row-title.css): `row-title`, which takes the room left and wraps. */
import './row-title.css'
