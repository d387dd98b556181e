// LexiformUniMorph: UniMorph tables and schema (see issue 5).
