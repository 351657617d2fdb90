/** Ten company names no corpus here holds, for stories that compete with the one a test asks about. */
export const MADE_UP_COMPANIES = [
  'Harlow Mills',
  'Brampton Foods',
  'Dunmore Steel',
  'Fenwick Paper',
  'Glenrose Glass',
  'Ashford Tiles',
  'Carrick Yarns',
  'Elsworth Brick',
  'Morley Timber',
  'Ketton Cement',
];
