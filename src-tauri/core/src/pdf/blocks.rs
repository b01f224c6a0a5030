//! What a document is made of before it meets paper: headings, paragraphs, labelled figures
//! and tables, in styles that say what text is rather than where it goes.

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Tone {
    Ink,
    Muted,
    Danger,
    /// Hairlines between rows.
    Rule,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Style {
    pub size: f32,
    pub tone: Tone,
    pub bold: bool,
}

impl Style {
    pub const BODY: Style = Style {
        size: 9.5,
        tone: Tone::Ink,
        bold: false,
    };
    pub const NOTE: Style = Style {
        size: 8.5,
        tone: Tone::Muted,
        bold: false,
    };

    pub fn sized(size: f32) -> Style {
        Style { size, ..Self::BODY }
    }

    pub fn bold(self) -> Style {
        Style { bold: true, ..self }
    }

    pub fn tone(self, tone: Tone) -> Style {
        Style { tone, ..self }
    }

    /// Line pitch: generous enough for hanzi, which fill the whole em.
    pub fn line(self) -> f32 {
        self.size * 1.42
    }

    /// From the top of a line to its baseline.
    pub fn baseline(self) -> f32 {
        self.size * 1.1
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Align {
    Left,
    Right,
}

pub(crate) struct Column {
    pub title: String,
    /// Share of the table's width, relative to the other columns.
    pub share: f32,
    pub align: Align,
}

pub(crate) struct Cell {
    pub text: String,
    pub tone: Tone,
    pub bold: bool,
}

impl Cell {
    pub fn new(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            tone: Tone::Ink,
            bold: false,
        }
    }

    pub fn tone(self, tone: Tone) -> Cell {
        Cell { tone, ..self }
    }

    pub fn bold(self) -> Cell {
        Cell { bold: true, ..self }
    }
}

pub(crate) struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    pub size: f32,
}

pub(crate) struct Figure {
    pub label: String,
    pub value: String,
    pub tone: Tone,
}

pub(crate) enum Block {
    Title(String),
    /// A section heading, underlined.
    Heading(String),
    Subheading(String),
    /// A paragraph; with a marker ("1.", "•") it hangs from it like a list item.
    Text {
        text: String,
        style: Style,
        marker: Option<String>,
    },
    /// Labelled figures side by side: bought, used, remaining…
    Figures(Vec<Figure>),
    Table(Table),
    Gap(f32),
}

impl Block {
    pub fn text(text: impl Into<String>, style: Style) -> Block {
        Block::Text {
            text: text.into(),
            style,
            marker: None,
        }
    }

    pub fn item(marker: impl Into<String>, text: impl Into<String>, style: Style) -> Block {
        Block::Text {
            text: text.into(),
            style,
            marker: Some(marker.into()),
        }
    }

    /// Every string the block will draw, to choose a font that has all their characters.
    pub fn strings(&self) -> Vec<&str> {
        match self {
            Block::Title(t) | Block::Heading(t) | Block::Subheading(t) => vec![t],
            Block::Text { text, marker, .. } => {
                let mut out = vec![text.as_str()];
                out.extend(marker.as_deref());
                out
            }
            Block::Figures(f) => f
                .iter()
                .flat_map(|f| [f.label.as_str(), f.value.as_str()])
                .collect(),
            Block::Table(t) => t
                .columns
                .iter()
                .map(|c| c.title.as_str())
                .chain(t.rows.iter().flatten().map(|c| c.text.as_str()))
                .collect(),
            Block::Gap(_) => Vec::new(),
        }
    }
}
