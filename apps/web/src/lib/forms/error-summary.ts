/** One line of a form's error summary: a link to the field (by its id) with its label and message. */
export interface ErrorItem {
  id: string;
  label: string;
  message: string;
}
