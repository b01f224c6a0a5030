//! PDF documents made in Rust (krilla) with a CJK font subset embedded, so names stay
//! extractable text: renewal lists, statements and meeting briefs, on A4 or Letter.
