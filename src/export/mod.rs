//! Open data from a site view: Open Referral HSDS 3.0 JSON and a CSV in the
//! style of the 自治体標準オープンデータセット「公共施設一覧」.
//!
//! Everything here takes a [`SiteView`], never the model: the citizen view
//! carries `NoStaff` where contact names and 内線 would be, so a citizen
//! export cannot hold them. Both formats have public columns for those
//! (HSDS `contact.name`, 公共施設一覧 内線番号); they stay empty unless the
//! staff view is exported, and a staff export says so in the file.

mod csv_ja;
mod hsds;
mod ids;
mod tabular;

pub use csv_ja::csv_ja;
pub use hsds::hsds;

/// Path relative to the output folder → bytes (the same shape as a rendered tree).
pub type Files = std::collections::BTreeMap<String, Vec<u8>>;
use crate::site::{Audience, SiteView};
use std::sync::Mutex;

/// Where the open-data files live inside a site tree (and an export folder).
pub const HSDS_DIR: &str = "opendata/hsds";
/// The same records in HSDS's tabular layout: datapackage.json and CSVs.
pub const HSDS_TABULAR_DIR: &str = "opendata/hsds/tabular";
pub const CSV_JA: &str = "opendata/soudan-madoguchi.csv";
/// The open-data page of the citizen site.
pub const PAGE: &str = "opendata.html";

/// What a staff export writes into each file so it is not mistaken for
/// something to publish.
pub const STAFF_NOTICE: &str = "職員用・内部資料（担当者名・内線を含みます。公開しないでください）";

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{}", crate::messages::Msg::ErrCsv { detail: self.detail().into() })]
    Csv(#[from] csv::Error),
    #[error("{}", crate::messages::Msg::ErrJson { detail: self.detail().into() })]
    Json(#[from] serde_json::Error),
    #[error("{}", crate::messages::Msg::ErrWriteOutput { path: path.into(), detail: self.detail().into() })]
    Write {
        path: String,
        source: std::io::Error,
    },
}

impl ExportError {
    fn detail(&self) -> String {
        match self {
            ExportError::Csv(e) => e.to_string(),
            ExportError::Json(e) => e.to_string(),
            ExportError::Write { source, .. } => source.to_string(),
        }
    }
}

/// Which file formats to produce.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Hsds,
    CsvJa,
}

/// Where an export goes, a piece at a time. A build streams the files into
/// its staging folder: at 100,000 agencies they are hundreds of megabytes,
/// more than everything else a build holds. `tsunagu export` and the tests
/// collect them ([`Collect`]).
pub trait Out: Sync {
    /// Adds `bytes` to the end of the file at `path` (relative to the
    /// output folder), which is made on first use.
    fn append(&self, path: &str, bytes: &[u8]) -> std::io::Result<()>;
}

/// [`Out::append`], its error naming the file.
fn append(out: &dyn Out, path: &str, bytes: &[u8]) -> Result<(), ExportError> {
    out.append(path, bytes)
        .map_err(|source| ExportError::Write {
            path: path.to_string(),
            source,
        })
}

/// Keeps the files in memory.
#[derive(Default)]
pub struct Collect(Mutex<Files>);

impl Collect {
    pub fn into_files(self) -> Files {
        self.0.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl Out for Collect {
    fn append(&self, path: &str, bytes: &[u8]) -> std::io::Result<()> {
        let mut files = self.0.lock().unwrap_or_else(|e| e.into_inner());
        match files.get_mut(path) {
            Some(file) => file.extend(bytes),
            None => {
                files.insert(path.to_string(), bytes.to_vec());
            }
        }
        Ok(())
    }
}

/// One file of an [`Out`] as a writer, for the CSV writers.
struct Appender<'o> {
    out: &'o dyn Out,
    path: String,
}

impl std::io::Write for Appender<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.out.append(&self.path, buf)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Writes the files of `format` for the view of audience `A` into `out`.
pub fn write<A: Audience>(
    view: &SiteView<A>,
    format: Format,
    out: &dyn Out,
) -> Result<(), ExportError> {
    match format {
        Format::Hsds => hsds(view, out),
        Format::CsvJa => csv_ja(view, out),
    }
}

/// The files of `format`, by path relative to the output folder.
pub fn files<A: Audience>(view: &SiteView<A>, format: Format) -> Result<Files, ExportError> {
    let out = Collect::default();
    write(view, format, &out)?;
    Ok(out.into_files())
}

/// Both formats: what the citizen site publishes on its open-data page.
pub fn write_all<A: Audience>(view: &SiteView<A>, out: &dyn Out) -> Result<(), ExportError> {
    write(view, Format::Hsds, out)?;
    write(view, Format::CsvJa, out)
}
