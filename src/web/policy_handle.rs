//! A compiled policy shared between components, compared by identity so props stay cheap.

use std::rc::Rc;

use crate::engine::calendar::Calendar;
use crate::engine::policy::{CompiledPolicy, Policy};

#[derive(Clone)]
pub struct PolicyHandle(Rc<CompiledPolicy>);

impl PolicyHandle {
    pub fn new(compiled: CompiledPolicy) -> PolicyHandle {
        PolicyHandle(Rc::new(compiled))
    }

    pub fn compiled(&self) -> &CompiledPolicy {
        &self.0
    }

    pub fn document(&self) -> &Policy {
        &self.0.source
    }

    /// The compiled calendar with the given id.
    pub fn calendar(&self, id: &str) -> Option<&Calendar> {
        let index = self.0.calendar_ids.iter().position(|known| known == id)?;
        self.0.calendars.get(index)
    }
}

impl PartialEq for PolicyHandle {
    fn eq(&self, other: &PolicyHandle) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
