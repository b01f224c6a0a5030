//! Messages fixture: the scripts school with a second course to suggest, and composing for a
//! family as the desk would.

use encore_core::course::{self, CourseFormat, CourseInput};
use encore_core::message::{self, Message, MessageGoal, MessageRequest};
use encore_core::settings::Locale;

use super::hours::School;
use super::now;
use super::scripts::fixture;

pub fn add_course(s: &School, name: &str) {
    s.db.with_tx(|tx| {
        course::add(
            tx,
            &CourseInput {
                name: name.into(),
                format: CourseFormat::Group,
                lesson_hours: 1.0,
            },
            now(),
        )
    })
    .unwrap();
}

/// The scripts fixture with a second course to suggest.
pub fn school_with_art() -> School {
    let s = fixture();
    add_course(&s, "少儿美术");
    s
}

pub fn family_of(s: &School, kid: usize) -> i64 {
    s.db.with_conn(|c| encore_core::student::get(c, s.kids[kid]))
        .unwrap()
        .family_id
}

pub fn request(family_id: i64, goal: MessageGoal, locale: Locale) -> MessageRequest {
    MessageRequest::for_family(family_id, goal, locale)
}

pub fn compose(s: &School, req: &MessageRequest) -> Message {
    s.db.with_conn(|c| message::compose(c, req, now().date_naive()))
        .unwrap()
}
