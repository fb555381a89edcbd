//! Joining groups of units into larger groups, never two groups that hold units of the same
//! document: the union-find that the phrase joins ([`super::phrases`]) and the quoted-sentence
//! joins share.

use rustc_hash::FxHashSet as HashSet;

/// Groups of units being joined; two groups holding units of one document are never joined.
pub(crate) struct GroupJoins {
    parent: Vec<usize>,
    docs_of: Vec<HashSet<usize>>,
}

impl GroupJoins {
    /// Starts from `groups`, each a list of unit indices; `doc_of` gives a unit's document.
    pub fn new(groups: &[Vec<usize>], doc_of: impl Fn(usize) -> usize) -> GroupJoins {
        GroupJoins {
            parent: (0..groups.len()).collect(),
            docs_of: groups
                .iter()
                .map(|m| m.iter().map(|&u| doc_of(u)).collect())
                .collect(),
        }
    }

    fn root(&mut self, mut g: usize) -> usize {
        while self.parent[g] != g {
            self.parent[g] = self.parent[self.parent[g]];
            g = self.parent[g];
        }
        g
    }

    /// Joins groups `a` and `b` unless they share a document; true when they are one now.
    pub fn join(&mut self, a: usize, b: usize) -> bool {
        let (a, b) = (self.root(a), self.root(b));
        if a == b {
            return true;
        }
        if !self.docs_of[a].is_disjoint(&self.docs_of[b]) {
            return false;
        }
        let (keep, gone) = (a.min(b), a.max(b));
        self.parent[gone] = keep;
        // The smaller set of documents is the one moved.
        if self.docs_of[keep].len() < self.docs_of[gone].len() {
            self.docs_of.swap(keep, gone);
        }
        let moved = std::mem::take(&mut self.docs_of[gone]);
        self.docs_of[keep].extend(moved);
        true
    }

    /// The joined groups, without the empty ones, each sorted, in the order of their first units.
    pub fn finish(mut self, groups: Vec<Vec<usize>>) -> Vec<Vec<usize>> {
        let mut joined: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
        for (g, members) in groups.into_iter().enumerate() {
            let r = self.root(g);
            joined[r].extend(members);
        }
        in_order(joined)
    }
}

/// Groups without the empty ones, each sorted, in the order of their first units.
pub fn in_order(mut groups: Vec<Vec<usize>>) -> Vec<Vec<usize>> {
    groups.retain(|m| !m.is_empty());
    for m in &mut groups {
        m.sort_unstable();
    }
    groups.sort_by_key(|m| m[0]);
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_join_only_across_documents() {
        // Units 0..4 in documents 0, 1, 0, 2.
        let docs = [0, 1, 0, 2];
        let groups = vec![vec![0], vec![1], vec![2], vec![3]];
        let mut joins = GroupJoins::new(&groups, |u| docs[u]);
        assert!(joins.join(0, 1));
        // Group 2 holds a unit of document 0, as the joined group does.
        assert!(!joins.join(2, 1));
        assert!(joins.join(3, 0));
        assert_eq!(joins.finish(groups), vec![vec![0, 1, 3], vec![2]]);
    }
}
