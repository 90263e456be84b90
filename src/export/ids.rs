//! HSDS wants UUIDs. They are derived (UUID v5) from the citizen site's host
//! and the record's id, so the same desk keeps the same id from one build
//! and one edition to the next, in the citizen and the staff export alike,
//! and two sites never share one.

use uuid::Uuid;

pub(super) struct Ids {
    namespace: Uuid,
}

impl Ids {
    pub(super) fn new(site_key: &str) -> Self {
        Ids {
            namespace: Uuid::new_v5(&Uuid::NAMESPACE_URL, site_key.as_bytes()),
        }
    }

    /// `kind` keeps ids of different tables apart (`service`, `phone`…).
    pub(super) fn id(&self, kind: &str, key: &str) -> String {
        Uuid::new_v5(&self.namespace, format!("{kind}/{key}").as_bytes()).to_string()
    }
}
