//! The text rendering of a [`Report`]: a summary, counts per class and every
//! unexplained difference.

use std::collections::BTreeMap;
use std::fmt;

use crate::{Class, Report, Side};

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for side in [Side::A, Side::B] {
            let i = side.index();
            let losses: Vec<&str> = self.losses[i].iter().map(|l| l.describe()).collect();
            writeln!(
                f,
                "{side}: {} ({} models; loses: {})",
                self.labels[i],
                self.models[i],
                if losses.is_empty() {
                    "nothing known".to_string()
                } else {
                    losses.join(", ")
                }
            )?;
        }
        writeln!(
            f,
            "compared {} model pairs and {} field pairs",
            self.models_compared, self.fields_compared
        )?;
        writeln!(
            f,
            "\n{:<15} {:>9} {:>11}",
            "class", "explained", "unexplained"
        )?;
        for class in Class::ALL {
            let c = self.count(class);
            writeln!(
                f,
                "{:<15} {:>9} {:>11}",
                class.name(),
                c.explained,
                c.unexplained
            )?;
        }
        let mut by_loss: BTreeMap<(Side, &str), usize> = BTreeMap::new();
        for e in self.differences.iter().filter_map(|d| d.explained_by) {
            *by_loss.entry((e.side, e.loss.describe())).or_default() += 1;
        }
        if !by_loss.is_empty() {
            writeln!(f, "\nexplained by")?;
            for ((side, loss), n) in by_loss {
                writeln!(f, "  {n:>6}  {side}: {loss}")?;
            }
        }
        let unexplained: Vec<_> = self
            .differences
            .iter()
            .filter(|d| d.explained_by.is_none())
            .collect();
        if !unexplained.is_empty() {
            writeln!(f, "\nunexplained differences")?;
        }
        for d in unexplained {
            let place = match &d.field {
                Some(field) => format!("{}.{field}", d.model),
                None => d.model.clone(),
            };
            writeln!(f, "  {:<14} {place}: {}", d.class.name(), d.detail)?;
        }
        Ok(())
    }
}
