use std::ops::Range;

/// Why a notation could not be understood, pointing into the original text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct HoursError {
    /// What is wrong, in Japanese.
    pub message: String,
    /// Byte range in the text that was passed to the parser.
    pub span: Range<usize>,
    /// How to fix it.
    pub help: String,
}

impl HoursError {
    pub(crate) fn new(
        message: impl Into<String>,
        span: Range<usize>,
        help: impl Into<String>,
    ) -> Self {
        HoursError {
            message: message.into(),
            span,
            help: help.into(),
        }
    }
}
