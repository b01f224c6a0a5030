//! Errors of the domain. Codes are stable and double as i18n keys in the UI
//! (`err_<code>`), so the UI branches on codes, never on message text.

use serde::Serialize;
use specta::Type;

/// What a field failed on. Serialized in snake_case; the UI shows `err_<code>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ValidationCode {
    Required,
    TooLong,
    InvalidPhone,
    InvalidEmail,
    InvalidWechat,
    DateInFuture,
    DateTooOld,
    GuardianRequired,
    GuardianNotInFamily,
    StudentNotInFamily,
    DuplicateGuardian,
    StaffArchived,
    HoursOutOfRange,
    NotHalfHours,
    EndsBeforeStart,
    UnknownCurrency,
    BeforeEnrollment,
    NoHoursLeft,
    InvalidTime,
    NotEnoughHours,
    NotSameFamily,
    CannotReverse,
    PrivateClassOfOne,
    DuplicateStudent,
    UnknownAnswer,
    OneAnswerOnly,
    SameAsPrimary,
    DuplicateTag,
    WordingFlagged,
    PackageEnded,
    /// A date that must come after today.
    NotInFuture,
    /// A renewal must name a package sold after the one being renewed.
    NotNewerPackage,
    /// A sale against the school's prepaid rules needs a written reason.
    RuleOverrideReasonRequired,
    /// A file name with folders, `..`, or a name Windows reserves (CON, NUL…).
    UnsafeFileName,
    /// Not a photo or video Encore can keep (by extension and by content).
    NotMedia,
    FileTooLarge,
    FileUnreadable,
    /// A level range whose lowest level is above its highest.
    LevelRange,
    /// A copied message goes out by WeChat, SMS or e-mail, not by phone or in person.
    NotMessageChannel,
    /// A feedback score outside 1–5.
    ScoreOutOfRange,
    /// An erasure confirmed with a name other than the family's.
    ConfirmationMismatch,
    /// The passcode lock's current passcode was not given or not right.
    WrongPasscode,
    PasscodeTooShort,
    /// Idle minutes before locking outside 1–240.
    IdleOutOfRange,
    /// A referring family named on a lead that did not come by referral.
    ReferralOnly,
    /// A range whose lowest value is above its highest (a segment's renewals or tenure).
    MinAboveMax,
    /// A saved segment with the same name (case and width folded) already exists.
    DuplicateSegment,
}

/// A write that the current state forbids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ConflictCode {
    /// Demo data is only loaded into an empty school.
    SchoolNotEmpty,
    /// A guardian still linked to active students cannot be archived.
    GuardianHasStudents,
    /// A lead that has enrolled cannot be converted, booked or dropped again.
    ProspectConverted,
}

/// Which kind of record was missing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum Entity {
    Family,
    Guardian,
    Student,
    Note,
    Feedback,
    Staff,
    Course,
    Class,
    Package,
    LedgerEntry,
    Tag,
    Achievement,
    Opportunity,
    Prospect,
    TrialLesson,
    Segment,
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{entity:?} {id} not found")]
    NotFound { entity: Entity, id: i64 },
    /// `field` is a path into the input, e.g. `guardians.1.mobile`.
    #[error("invalid {field}: {code:?}")]
    Validation { field: String, code: ValidationCode },
    #[error("conflict: {code:?}")]
    Conflict { code: ConflictCode },
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A PDF that could not be made or saved.
    #[error(transparent)]
    Pdf(#[from] crate::pdf::PdfError),
    /// The passcode could not be hashed (the system gave no randomness for its salt).
    #[error("the passcode could not be stored: {0}")]
    Passcode(String),
}

impl Error {
    pub fn invalid(field: impl Into<String>, code: ValidationCode) -> Self {
        Error::Validation {
            field: field.into(),
            code,
        }
    }

    pub fn not_found(entity: Entity, id: i64) -> Self {
        Error::NotFound { entity, id }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
