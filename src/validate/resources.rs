//! 社会資源, 支援メニュー and meetings: their references, numbers and
//! dates, and the figures and communication claims that a reader acts on.
//! A FAX claim without a number, or a figure series whose years and values
//! do not line up, would send someone wrong.

use super::{addresses, hours, phones, references::expect};
use crate::diagnostics::{Code, Diagnostic, Diagnostics, Sources};
use crate::messages::Msg;
use crate::model::{Communication, Content, ResourceKind, Series};
use std::path::Path;
use toml::Spanned;

pub fn check(c: &Content, sources: &Sources, d: &mut Diagnostics) {
    let topics = c.topic_ids();
    let agencies = c.agency_ids();
    for a in &c.agencies {
        if let Some(comm) = &a.value.communication {
            fax_claim(&a.file, comm, a.value.fax.is_some(), d);
        }
    }
    for r in &c.resources {
        let v = &r.value;
        reserved(&r.file, &v.id, d);
        for t in &v.topics {
            expect(&r.file, t, "topic", &topics, d);
        }
        if let Some(a) = &v.agency {
            expect(&r.file, a, "agency", &agencies, d);
        }
        phones::public_list(&r.file, &v.phones, d);
        if let Some(f) = &v.fax {
            phones::public(&r.file, f, d);
        }
        if let Some(w) = &v.website {
            addresses::web(&r.file, w, "website", d);
        }
        if let Some(comm) = &v.communication {
            fax_claim(&r.file, comm, v.fax.is_some(), d);
        }
        for s in &v.series {
            series(&r.file, s, d);
        }
        if let Some(date) = &v.date {
            if v.date_value().is_none() {
                d.push(bad_date(&r.file, date, "date"));
            }
        } else if v.kind == ResourceKind::Event {
            d.push(event_without_date(&r.file, &v.id));
        }
        if let Some(date) = &v.verified {
            if v.verified_date().is_none() {
                d.push(bad_date(&r.file, date, "verified"));
            }
        }
    }
    for m in &c.meetings {
        let v = &m.value;
        if let Some(a) = &v.convenor_agency {
            expect(&m.file, a, "agency", &agencies, d);
        }
        for s in &v.series {
            series(&m.file, s, d);
        }
        if let Some(s) = &v.schedule {
            if let Err(e) = tsunagu_hours::parse_schedule(s.get_ref()) {
                d.push(hours::diagnostic(
                    Code::BadSchedule,
                    (&m.file, sources.get(&m.file)),
                    s.span(),
                    s.get_ref(),
                    &e,
                    Msg::WhatMeetingDays {},
                ));
            }
        }
    }
}

fn fax_claim(file: &Path, comm: &Spanned<Communication>, has_fax: bool, d: &mut Diagnostics) {
    if comm.get_ref().fax && !has_fax {
        d.push(
            Diagnostic::error(Code::FaxWithoutNumber, file, Msg::FaxWithoutNumber {})
                .at(comm.span())
                .label(Msg::LabelFaxTrue {})
                .help(Msg::HelpAddFaxNumber {}),
        );
    }
}

fn series(file: &Path, s: &Spanned<Series>, d: &mut Diagnostics) {
    let v = s.get_ref();
    if v.years.len() == v.values.len() && !v.years.is_empty() {
        return;
    }
    d.push(
        Diagnostic::error(
            Code::SeriesLength,
            file,
            Msg::SeriesLength {
                label: v.label.clone().into(),
                years: v.years.len().into(),
                values: v.values.len().into(),
            },
        )
        .at(s.span())
        .label(Msg::LabelYearsValuesPair {})
        .help(Msg::HelpSeriesPairs {}),
    );
}

fn bad_date(file: &Path, v: &Spanned<toml::value::Datetime>, field: &str) -> Diagnostic {
    Diagnostic::error(
        Code::BadDate,
        file,
        Msg::FieldMustBeDate {
            field: field.into(),
        },
    )
    .at(v.span())
    .label(Msg::LabelNotPlainDate {})
    .help(Msg::HelpDateExample {
        field: field.into(),
    })
}

fn event_without_date(file: &Path, id: &Spanned<String>) -> Diagnostic {
    Diagnostic::error(
        Code::EventWithoutDate,
        file,
        Msg::EventWithoutDate {
            id: id.get_ref().clone().into(),
        },
    )
    .at(id.span())
    .label(Msg::LabelEventNeedsDate {})
    .help(Msg::HelpEventDate {})
}

/// The resource list pages live beside the resource pages.
fn reserved(file: &Path, id: &Spanned<String>, d: &mut Diagnostics) {
    let normal = super::ids::normalized(id.get_ref());
    if !crate::routes::paths::RESOURCE_LIST_NAMES.contains(&normal.as_str()) {
        return;
    }
    d.push(
        Diagnostic::error(
            Code::PathCollision,
            file,
            Msg::ResourceIdReserved {
                id: id.get_ref().clone().into(),
                normal: normal.clone().into(),
            },
        )
        .at(id.span())
        .label(Msg::LabelReservedForList {})
        .help(Msg::HelpOtherResourceId {}),
    );
}
