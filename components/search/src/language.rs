//! The elasticlunr-rs `Language` that plugs our tokenizer into the index builder.

use elasticlunr::{Language, Pipeline};

use crate::TOKENIZER_VERSION;

/// Bigram "language". Its name is serialised as the index's `lang`, which is how the
/// browser learns which tokenizer built the index and refuses to run on a mismatch.
pub struct BigramJapanese;

impl Language for BigramJapanese {
    fn name(&self) -> String {
        TOKENIZER_VERSION.to_string()
    }

    fn code(&self) -> String {
        "ja".to_string()
    }

    fn tokenize(&self, text: &str) -> Vec<String> {
        crate::tokenize(text)
    }

    fn make_pipeline(&self) -> Pipeline {
        // Normalisation already happens inside the tokenizer, where the JS mirrors it;
        // a pipeline step would be a second place the two sides could drift.
        Pipeline { queue: Vec::new() }
    }
}
