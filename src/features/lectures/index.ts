/** The lectures feature's public face: what other features may use of it. */
export { CloudPhotoPicker, type CloudPhotoPickerProps } from './components/CloudPhotoPicker'
