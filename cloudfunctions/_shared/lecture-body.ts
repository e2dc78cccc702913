import sanitizeHtml from 'sanitize-html'
import { lectureFileProblem } from '../../domain/lecture-content'

/**
 * The lecture body's allow-list: paragraphs, headings, emphasis, quotes and lists, and images from this
 * environment's storage. Everything else goes: scripts and styles with their content, event handlers, style
 * attributes, links, frames, forms, and any image that is not one of our cloud files.
 */
function options(env: string): sanitizeHtml.IOptions {
  return {
    allowedTags: [
      'p',
      'br',
      'hr',
      'h2',
      'h3',
      'h4',
      'strong',
      'b',
      'em',
      'i',
      'u',
      's',
      'blockquote',
      'ul',
      'ol',
      'li',
      'img',
    ],
    allowedAttributes: { img: ['src', 'alt'] },
    allowedSchemes: [],
    allowedSchemesByTag: { img: ['cloud'] },
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    transformTags: { h1: 'h2', h5: 'h4', h6: 'h4' },
    exclusiveFilter: (frame) =>
      frame.tag === 'img' && lectureFileProblem(String(frame.attribs.src ?? ''), env, 'image') !== null,
  }
}

/** Sanitises a lecture body on the server, before it is stored; `env` is the environment whose images it may show. */
export const sanitizeLectureBody = (html: string, env: string): string =>
  sanitizeHtml(html, options(env)).trim()
