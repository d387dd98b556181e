// LexiformXML
