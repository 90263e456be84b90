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
    #[error("{}", self.msg())]
    Read { path: String, message: String },
    #[error("{}", self.msg())]
    Unsupported { path: String },
    #[error("{}", self.msg())]
    Write {
        path: String,
        source: std::io::Error,
    },
}

impl ImportError {
    fn msg(&self) -> crate::messages::Msg {
        use crate::messages::Msg;
        match self {
            ImportError::Read { path, message } => Msg::ErrImportRead {
                path: path.into(),
                detail: message.into(),
            },
            ImportError::Unsupported { path } => Msg::ErrImportUnsupported { path: path.into() },
            ImportError::Write { path, source } => Msg::ErrWrite {
                path: path.into(),
                detail: source.to_string().into(),
            },
        }
    }
}
