//! A compiled policy shared between components, compared by identity so props stay cheap; its simulator
//! model is built the first time a view asks for it.

use std::cell::OnceCell;
use std::rc::Rc;

use crate::engine::calendar::Calendar;
use crate::engine::policy::{CompiledPolicy, Policy};
use crate::sim::EnginePolicyModel;

struct Compiled {
    policy: CompiledPolicy,
    model: OnceCell<Option<EnginePolicyModel>>,
}

#[derive(Clone)]
pub struct PolicyHandle(Rc<Compiled>);

impl PolicyHandle {
    pub fn new(compiled: CompiledPolicy) -> PolicyHandle {
        PolicyHandle(Rc::new(Compiled {
            policy: compiled,
            model: OnceCell::new(),
        }))
    }

    pub fn compiled(&self) -> &CompiledPolicy {
        &self.0.policy
    }

    pub fn document(&self) -> &Policy {
        &self.0.policy.source
    }

    /// The policy as the simulator drives it (for the chain a ticket climbs); `None` when it has more teams
    /// than the simulator numbers.
    pub fn model(&self) -> Option<&EnginePolicyModel> {
        self.0
            .model
            .get_or_init(|| EnginePolicyModel::new(self.0.policy.clone()).ok())
            .as_ref()
    }

    /// The compiled calendar with the given id.
    pub fn calendar(&self, id: &str) -> Option<&Calendar> {
        let index = self
            .0
            .policy
            .calendar_ids
            .iter()
            .position(|known| known == id)?;
        self.0.policy.calendars.get(index)
    }
}

impl PartialEq for PolicyHandle {
    fn eq(&self, other: &PolicyHandle) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}
