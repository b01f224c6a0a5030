//! The enrollment questionnaire: questions, answer options and scoring weights, read from a
//! versioned JSON file so a school can adjust the wording without a new Encore.

use std::collections::HashSet;
use std::path::Path;

use serde::{Deserialize, Serialize};
use specta::Type;

/// The file shipped with Encore (`assets/tagging/questions.json`).
const BUILT_IN: &str = include_str!("../../../../assets/tagging/questions.json");
/// A school's own copy, in the data folder, takes precedence when it is valid.
pub const OVERRIDE_FILE: &str = "tagging-questions.json";
pub const SUPPORTED_VERSION: u32 = 1;

pub use crate::bilingual::Bilingual;

/// How much an answer points to each motivation type.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize, Type)]
#[serde(deny_unknown_fields)]
pub struct Weights {
    #[serde(default)]
    pub future: u8,
    #[serde(default)]
    pub interest: u8,
    #[serde(default)]
    pub honors: u8,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct AnswerOption {
    pub id: String,
    pub text: Bilingual,
    #[serde(default)]
    pub weights: Weights,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Question {
    pub id: String,
    /// Several options may be ticked.
    #[serde(default)]
    pub multiple: bool,
    pub text: Bilingual,
    pub options: Vec<AnswerOption>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
pub struct Questionnaire {
    pub version: u32,
    pub questions: Vec<Question>,
}

/// What is wrong with a questionnaire file, precisely enough to fix it by hand.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum QuestionnaireError {
    #[error("line {line}, column {column}: {message}")]
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("version {found} is not supported (this Encore reads version {SUPPORTED_VERSION})")]
    UnsupportedVersion { found: u32 },
    #[error("{path}: {problem}")]
    Invalid { path: String, problem: String },
}

fn invalid(path: impl Into<String>, problem: &str) -> QuestionnaireError {
    QuestionnaireError::Invalid {
        path: path.into(),
        problem: problem.to_string(),
    }
}

impl Questionnaire {
    pub fn built_in() -> Questionnaire {
        // The shipped file is checked by a test; failing here would be a build defect.
        Questionnaire::parse(BUILT_IN).expect("assets/tagging/questions.json is valid")
    }

    pub fn parse(text: &str) -> Result<Questionnaire, QuestionnaireError> {
        let q: Questionnaire =
            serde_json::from_str(text).map_err(|e| QuestionnaireError::Syntax {
                line: e.line(),
                column: e.column(),
                message: e.to_string(),
            })?;
        if q.version != SUPPORTED_VERSION {
            return Err(QuestionnaireError::UnsupportedVersion { found: q.version });
        }
        if !(6..=10).contains(&q.questions.len()) {
            return Err(invalid("questions", "there must be 6 to 10 questions"));
        }
        let mut ids = HashSet::new();
        for (i, question) in q.questions.iter().enumerate() {
            let at = format!("questions[{i}]");
            check_id(&question.id, &format!("{at}.id"))?;
            if !ids.insert(question.id.as_str()) {
                return Err(invalid(format!("{at}.id"), "the same id is used twice"));
            }
            check_text(&question.text, &format!("{at}.text"))?;
            if question.options.len() < 2 {
                return Err(invalid(
                    format!("{at}.options"),
                    "a question needs at least two options",
                ));
            }
            let mut option_ids = HashSet::new();
            for (j, option) in question.options.iter().enumerate() {
                let at = format!("{at}.options[{j}]");
                check_id(&option.id, &format!("{at}.id"))?;
                if !option_ids.insert(option.id.as_str()) {
                    return Err(invalid(
                        format!("{at}.id"),
                        "the same id is used twice in this question",
                    ));
                }
                check_text(&option.text, &format!("{at}.text"))?;
                let w = option.weights;
                if w.future > 10 || w.interest > 10 || w.honors > 10 {
                    return Err(invalid(format!("{at}.weights"), "weights go from 0 to 10"));
                }
            }
        }
        Ok(q)
    }

    /// The school's file from `data_dir` when present and valid; otherwise the built-in one,
    /// with the reason the school's file was not used.
    pub fn load(data_dir: Option<&Path>) -> (Questionnaire, Option<String>) {
        let Some(path) = data_dir
            .map(|d| d.join(OVERRIDE_FILE))
            .filter(|p| p.exists())
        else {
            return (Questionnaire::built_in(), None);
        };
        match std::fs::read_to_string(&path) {
            Ok(text) => match Questionnaire::parse(&text) {
                Ok(q) => (q, None),
                Err(e) => (
                    Questionnaire::built_in(),
                    Some(format!("{}: {e}", path.display())),
                ),
            },
            Err(e) => (
                Questionnaire::built_in(),
                Some(format!("{}: {e}", path.display())),
            ),
        }
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.id == id)
    }
}

fn check_id(id: &str, path: &str) -> Result<(), QuestionnaireError> {
    let ok = !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if ok {
        Ok(())
    } else {
        Err(invalid(path, "ids use lower-case letters, digits and _"))
    }
}

fn check_text(text: &Bilingual, path: &str) -> Result<(), QuestionnaireError> {
    if text.en.trim().is_empty() {
        return Err(invalid(format!("{path}.en"), "the English text is empty"));
    }
    if text.zh_cn.trim().is_empty() {
        return Err(invalid(
            format!("{path}.zh-CN"),
            "the Chinese text is empty",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_questionnaire_is_valid() {
        let q = Questionnaire::parse(BUILT_IN).unwrap();
        assert!((6..=10).contains(&q.questions.len()));
    }

    #[test]
    fn a_broken_file_names_where_it_is_broken() {
        let broken = BUILT_IN.replacen("\"questions\": [", "\"questions\": [,", 1);
        assert!(matches!(
            Questionnaire::parse(&broken),
            Err(QuestionnaireError::Syntax { line: 4, .. })
        ));

        let mut q: serde_json::Value = serde_json::from_str(BUILT_IN).unwrap();
        q["questions"][2]["options"][1]["text"]["zh-CN"] = "  ".into();
        let err = Questionnaire::parse(&q.to_string()).unwrap_err();
        assert_eq!(
            err.to_string(),
            "questions[2].options[1].text.zh-CN: the Chinese text is empty"
        );

        let mut q: serde_json::Value = serde_json::from_str(BUILT_IN).unwrap();
        q["questions"][1]["id"] = q["questions"][0]["id"].clone();
        assert_eq!(
            Questionnaire::parse(&q.to_string())
                .unwrap_err()
                .to_string(),
            "questions[1].id: the same id is used twice"
        );

        let mut q: serde_json::Value = serde_json::from_str(BUILT_IN).unwrap();
        q["questions"][0]["options"][0]["weights"]["fame"] = 3.into();
        assert!(matches!(
            Questionnaire::parse(&q.to_string()),
            Err(QuestionnaireError::Syntax { .. })
        ));

        let mut q: serde_json::Value = serde_json::from_str(BUILT_IN).unwrap();
        q["version"] = 7.into();
        assert_eq!(
            Questionnaire::parse(&q.to_string()).unwrap_err(),
            QuestionnaireError::UnsupportedVersion { found: 7 }
        );
    }

    #[test]
    fn a_schools_broken_copy_falls_back_and_says_why() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(OVERRIDE_FILE), "{ \"version\": 1 ").unwrap();
        let (q, problem) = Questionnaire::load(Some(dir.path()));
        assert_eq!(q, Questionnaire::built_in());
        assert!(problem.unwrap().contains(OVERRIDE_FILE));

        let mut own: serde_json::Value = serde_json::from_str(BUILT_IN).unwrap();
        own["questions"][0]["text"]["en"] = "What should the child take away this year?".into();
        std::fs::write(dir.path().join(OVERRIDE_FILE), own.to_string()).unwrap();
        let (q, problem) = Questionnaire::load(Some(dir.path()));
        assert_eq!(
            (q.questions[0].text.en.as_str(), problem),
            ("What should the child take away this year?", None)
        );
    }
}
