//! The one typeface of a document, measured with ttf-parser and drawn glyph by glyph, so the
//! widths the layout measures are exactly the widths krilla draws (no shaping, no kerning).

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use krilla::text::{Font, GlyphId, KrillaGlyph};
use krilla::Data;

use super::PdfError;

/// Noto Sans SC cut down to Latin, punctuation, CJK symbols and the 6,763 GB2312 hanzi
/// (SIL Open Font License, assets/fonts/OFL.txt): enough for nearly every name, in 3 MB.
const BUNDLED: &[u8] = include_bytes!("../../../../assets/fonts/NotoSansSC-Subset.otf");

/// Debian's fonts-noto-cjk, when installed, has the rare hanzi the subset leaves out
/// (names such as 堃 or 喆); face 2 of the collection is Simplified Chinese.
const SYSTEM_CJK: &str = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
const SYSTEM_CJK_SC: u32 = 2;

/// A glyph and its advance in ems.
#[derive(Clone, Copy)]
struct Metric {
    glyph: u16,
    advance: f32,
}

pub(crate) struct Typeface {
    data: Arc<dyn AsRef<[u8]> + Send + Sync>,
    index: u32,
    font: Font,
    metrics: RefCell<HashMap<char, Metric>>,
}

impl Typeface {
    /// The bundled subset, unless `text` holds a character it lacks and the system's full
    /// Noto Sans CJK is there to draw it; then that font for the whole document, so one
    /// document never mixes two designs.
    pub(crate) fn for_text<'a>(text: impl IntoIterator<Item = &'a str>) -> Result<Self, PdfError> {
        let bundled = ttf_parser::Face::parse(BUNDLED, 0)
            .map_err(|e| PdfError::Render(format!("bundled font: {e}")))?;
        let missing = text
            .into_iter()
            .flat_map(str::chars)
            .any(|c| !c.is_control() && bundled.glyph_index(c).is_none());
        if missing {
            if let Some(system) = Self::system() {
                return Ok(system);
            }
        }
        Self::new(Arc::new(BUNDLED), 0)
    }

    fn system() -> Option<Self> {
        let bytes = std::fs::read(SYSTEM_CJK).ok()?;
        Self::new(Arc::new(bytes), SYSTEM_CJK_SC).ok()
    }

    fn new(data: Arc<dyn AsRef<[u8]> + Send + Sync>, index: u32) -> Result<Self, PdfError> {
        ttf_parser::Face::parse((*data).as_ref(), index)
            .map_err(|e| PdfError::Render(format!("font: {e}")))?;
        let font = Font::new(Data::from(data.clone()), index)
            .ok_or_else(|| PdfError::Render("krilla cannot read the font".into()))?;
        Ok(Typeface {
            data,
            index,
            font,
            metrics: RefCell::new(HashMap::new()),
        })
    }

    pub(crate) fn font(&self) -> Font {
        self.font.clone()
    }

    /// Whether this is the system's full font rather than the bundled subset.
    #[cfg(test)]
    pub(crate) fn is_system(&self) -> bool {
        self.index == SYSTEM_CJK_SC
    }

    /// Looks up every character of `text` not seen before, parsing the font once.
    fn learn(&self, text: &str) {
        let mut metrics = self.metrics.borrow_mut();
        if text.chars().all(|c| metrics.contains_key(&c)) {
            return;
        }
        let Ok(face) = ttf_parser::Face::parse((*self.data).as_ref(), self.index) else {
            return;
        };
        let per_em = f32::from(face.units_per_em());
        for c in text.chars() {
            metrics.entry(c).or_insert_with(|| {
                // A character no font has is drawn as the empty box (.notdef) but keeps its
                // text, so it still copies and searches correctly.
                let glyph = face.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0));
                let advance = face.glyph_hor_advance(glyph).unwrap_or(0);
                Metric {
                    glyph: glyph.0,
                    advance: f32::from(advance) / per_em,
                }
            });
        }
    }

    /// The width of `text` at `size` points.
    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        self.learn(text);
        let metrics = self.metrics.borrow();
        text.chars()
            .map(|c| metrics.get(&c).map_or(0.0, |m| m.advance))
            .sum::<f32>()
            * size
    }

    /// One glyph per character, each carrying its bytes of `text` so the PDF keeps the text.
    pub(crate) fn glyphs(&self, text: &str) -> Vec<KrillaGlyph> {
        self.learn(text);
        let metrics = self.metrics.borrow();
        text.char_indices()
            .map(|(at, c)| {
                let m = metrics.get(&c).copied().unwrap_or(Metric {
                    glyph: 0,
                    advance: 0.0,
                });
                KrillaGlyph {
                    glyph_id: GlyphId::new(m.glyph.into()),
                    text_range: at..at + c.len_utf8(),
                    x_advance: m.advance,
                    x_offset: 0.0,
                    y_offset: 0.0,
                    y_advance: 0.0,
                    location: None,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_subset_draws_common_names_and_punctuation() {
        let face =
            Typeface::for_text(["张小明 李芳（钢琴）：第 1 页，共 2 页 Anna Schmidt"]).unwrap();
        assert!(!face.is_system());
        assert!(face.width("张", 10.0) > 9.0, "a hanzi is about one em wide");
        assert!(face.width("i", 10.0) < face.width("W", 10.0));
    }

    #[test]
    fn a_rare_hanzi_switches_to_the_system_font_when_it_is_installed() {
        let face = Typeface::for_text(["王堃"]).unwrap();
        assert_eq!(face.is_system(), std::path::Path::new(SYSTEM_CJK).exists());
    }
}
