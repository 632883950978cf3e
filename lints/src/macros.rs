//! Parsing the bodies of well-known macros into syntax trees.
