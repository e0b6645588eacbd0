//! The calendar as written in a policy document: serde types only, validated by `Calendar::compile`.

use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A business-hours calendar exactly as it appears in JSON.
///
/// Values stay text here so that `Calendar::compile` can report which interval and field is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarSpec {
    pub id: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// `"UTC"`, a fixed offset such as `"+02:00"` or `"-05:30"`, or an IANA name such as `"Europe/Berlin"`.
    #[serde(default = "utc_zone_name")]
    pub time_zone: String,
    /// Open around the clock (holidays still close their whole local day).
    #[serde(default, skip_serializing_if = "is_false")]
    pub always_open: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hours: Vec<WeeklyHoursSpec>,
    /// Weekly times taken out of `hours`, such as a lunch break; same shape as `hours`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub breaks: Vec<WeeklyHoursSpec>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub holidays: Vec<HolidaySpec>,
}

/// One weekly opening interval: on each of `days`, open from `from` until `to` (local wall-clock time).
/// `to <= from` is an overnight shift that ends on the next day; `"00:00"` to `"00:00"` is the whole day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeeklyHoursSpec {
    pub days: Vec<String>,
    pub from: String,
    pub to: String,
}

/// A closed local day, written either as `"2026-12-25"` or as `{"date": "2026-12-25", "name": "Christmas"}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HolidaySpec {
    pub date: String,
    pub name: Option<String>,
}

fn utc_zone_name() -> String {
    "UTC".to_owned()
}

fn is_false(value: &bool) -> bool {
    !*value
}

impl Serialize for HolidaySpec {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.name {
            None => serializer.serialize_str(&self.date),
            Some(name) => {
                let mut map = serializer.serialize_map(Some(2))?;
                map.serialize_entry("date", &self.date)?;
                map.serialize_entry("name", name)?;
                map.end()
            }
        }
    }
}

impl<'de> Deserialize<'de> for HolidaySpec {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(HolidayVisitor)
    }
}

struct HolidayVisitor;

const HOLIDAY_FIELDS: &[&str] = &["date", "name"];

impl<'de> Visitor<'de> for HolidayVisitor {
    type Value = HolidaySpec;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str(
            "a date such as \"2026-12-25\" or an object {\"date\": \"2026-12-25\", \"name\": \"Christmas\"}",
        )
    }

    fn visit_str<E: de::Error>(self, date: &str) -> Result<HolidaySpec, E> {
        Ok(HolidaySpec {
            date: date.to_owned(),
            name: None,
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<HolidaySpec, A::Error> {
        let mut date: Option<String> = None;
        let mut name: Option<String> = None;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "date" if date.is_some() => return Err(de::Error::duplicate_field("date")),
                "date" => date = Some(map.next_value()?),
                "name" if name.is_some() => return Err(de::Error::duplicate_field("name")),
                "name" => name = Some(map.next_value()?),
                other => return Err(de::Error::unknown_field(other, HOLIDAY_FIELDS)),
            }
        }
        let date = date.ok_or_else(|| de::Error::missing_field("date"))?;
        Ok(HolidaySpec { date, name })
    }
}
