//! Spreadsheet in: the 相談機関一覧 as the cities keep it (Excel, or CSV in
//! UTF-8 or Shift_JIS) read into rows ([`table`]), then merged into the
//! content folder's agency files ([`merge`]) so that next year's sheet
//! updates what changed and keeps what the webmaster added by hand.
//! It writes content files; it knows nothing of views or rendering.

pub mod merge;
pub mod read;
pub mod table;

pub use merge::{plan, Change, Plan};
pub use read::{read_sheets, Sheet};
pub use table::{parse_sheet, ListRow, Problem};

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("cannot read {path}: {message}")]
    Read { path: String, message: String },
    #[error("{path}: unsupported file type (use .xlsx, .xlsm, .xls, .ods or .csv)")]
    Unsupported { path: String },
    #[error("cannot write {path}: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
}
