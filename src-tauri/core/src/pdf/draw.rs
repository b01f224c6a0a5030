//! Pages onto paper: each part of a document (a list, a statement, one family's brief) gets
//! its running header on every page and its own "page N of M" count in the footer.

use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;
use krilla::Document;

use super::blocks::{Block, Style, Tone};
use super::font::Typeface;
use super::layout::{lay_out, Frame, Mark};
use super::words::page_of;
use super::wrap::wrap;
use super::{Paper, PdfError};
use crate::settings::Locale;

/// What heads every page of a part.
pub(crate) struct RunningHeader {
    pub school: Option<String>,
    pub title: String,
    /// The date as printed, e.g. "As of 2026-11-22".
    pub date: String,
    /// A line under the title: the filters of a list.
    pub detail: Option<String>,
}

/// A run of pages with one header and one page count.
pub(crate) struct Part {
    pub header: RunningHeader,
    pub locale: Locale,
    pub blocks: Vec<Block>,
}

const MARGIN_X: f32 = 42.0;
const MARGIN_TOP: f32 = 32.0;
const MARGIN_BOTTOM: f32 = 30.0;
const SCHOOL: Style = Style {
    size: 9.0,
    tone: Tone::Muted,
    bold: true,
};
const HEAD_TITLE: Style = Style {
    size: 12.5,
    tone: Tone::Ink,
    bold: true,
};

fn color(tone: Tone) -> rgb::Color {
    match tone {
        Tone::Ink => rgb::Color::new(26, 26, 26),
        Tone::Muted => rgb::Color::new(100, 100, 100),
        Tone::Danger => rgb::Color::new(180, 35, 24),
        Tone::Rule => rgb::Color::new(200, 200, 200),
    }
}

/// Draws `parts` on `paper`. `title` and `locale` go into the file's metadata.
pub(crate) fn render(
    parts: &[Part],
    paper: Paper,
    title: &str,
    locale: Locale,
) -> Result<Vec<u8>, PdfError> {
    let strings = parts.iter().flat_map(|p| {
        let h = &p.header;
        [Some(h.title.as_str()), Some(h.date.as_str())]
            .into_iter()
            .chain([h.school.as_deref(), h.detail.as_deref()])
            .flatten()
            .chain(p.blocks.iter().flat_map(Block::strings))
    });
    let face = Typeface::for_text(strings)?;
    let (width, height) = paper.size();
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(title.to_string())
            .language(locale.as_str().to_string())
            .creator("Encore".to_string()),
    );
    for part in parts {
        let head = header_marks(&part.header, &face, width);
        let body_top = head.bottom + 12.0;
        let frame = Frame {
            left: MARGIN_X,
            right: width - MARGIN_X,
            top: body_top,
            bottom: height - MARGIN_BOTTOM - 16.0,
        };
        let pages = lay_out(&part.blocks, &face, frame);
        let count = pages.len();
        for (n, marks) in pages.iter().enumerate() {
            let mut page = document.start_page_with(PageSettings::new(width, height));
            let mut surface = page.surface();
            for mark in head.marks.iter().chain(marks) {
                draw(&mut surface, &face, mark);
            }
            let footer = page_of(part.locale, n + 1, count);
            let style = Style::NOTE;
            let y = height - MARGIN_BOTTOM;
            let x = width - MARGIN_X - face.width(&footer, style.size);
            draw(&mut surface, &face, &text(x, y, &footer, style));
            let left = match &part.header.school {
                Some(s) => format!("{s} · {}", part.header.title),
                None => part.header.title.clone(),
            };
            draw(&mut surface, &face, &text(MARGIN_X, y, &left, style));
            surface.finish();
            page.finish();
        }
    }
    document
        .finish()
        .map_err(|e| PdfError::Render(format!("{e:?}")))
}

struct Head {
    marks: Vec<Mark>,
    bottom: f32,
}

fn text(x: f32, y: f32, text: &str, style: Style) -> Mark {
    Mark::Text {
        x,
        y,
        text: text.to_string(),
        style,
    }
}

/// School and date on the first line, the title under them, then the detail, then a rule.
fn header_marks(h: &RunningHeader, face: &Typeface, width: f32) -> Head {
    let mut marks = Vec::new();
    let mut y = MARGIN_TOP;
    let right = width - MARGIN_X;
    let date = Style::NOTE;
    marks.push(text(
        right - face.width(&h.date, date.size),
        y + SCHOOL.size,
        &h.date,
        date,
    ));
    if let Some(school) = &h.school {
        marks.push(text(MARGIN_X, y + SCHOOL.size, school, SCHOOL));
    }
    y += SCHOOL.line();
    marks.push(text(MARGIN_X, y + HEAD_TITLE.size, &h.title, HEAD_TITLE));
    y += HEAD_TITLE.line();
    if let Some(detail) = &h.detail {
        let style = Style::NOTE;
        for line in wrap(detail, right - MARGIN_X, |s| face.width(s, style.size)) {
            marks.push(text(MARGIN_X, y + style.size, &line, style));
            y += style.line();
        }
    }
    y += 2.0;
    marks.push(Mark::Rule {
        x1: MARGIN_X,
        x2: right,
        y,
        width: 0.8,
        tone: Tone::Muted,
    });
    Head { marks, bottom: y }
}

fn draw(surface: &mut Surface, face: &Typeface, mark: &Mark) {
    match mark {
        Mark::Text { x, y, text, style } => {
            let paint = color(style.tone);
            surface.set_fill(Some(Fill {
                paint: paint.into(),
                ..Fill::default()
            }));
            // The font has one weight; a hairline stroke in the same colour stands in for bold
            // and keeps the text extractable.
            surface.set_stroke(style.bold.then(|| Stroke {
                paint: paint.into(),
                width: style.size * 0.045,
                ..Stroke::default()
            }));
            let glyphs = face.glyphs(text);
            surface.draw_glyphs(
                Point::from_xy(*x, *y),
                &glyphs,
                face.font(),
                text,
                style.size,
                false,
            );
        }
        Mark::Rule {
            x1,
            x2,
            y,
            width,
            tone,
        } => {
            let mut path = PathBuilder::new();
            path.move_to(*x1, *y);
            path.line_to(*x2, *y);
            let Some(path) = path.finish() else { return };
            surface.set_fill(None);
            surface.set_stroke(Some(Stroke {
                paint: color(*tone).into(),
                width: *width,
                opacity: NormalizedF32::ONE,
                ..Stroke::default()
            }));
            surface.draw_path(&path);
        }
    }
}
