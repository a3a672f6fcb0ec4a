//! Deterministic average-linkage clustering on a sparse similarity graph, with the
//! facilitator's constraints: must-link groups (merges) are formed first, cannot-link
//! pairs (splits, rejected suggestions) are never put together.
//!
//! Items arrive sorted by a key that does not depend on input order; each item has a
//! weight (how many exact duplicates it stands for). The average similarity between two
//! clusters is the weighted mean over their member pairs, pairs absent from the graph
//! counting as 0. Clusters merge while their average similarity reaches the threshold
//! (nearest-neighbour chain, equivalent to merging the most similar pair first); ties
//! go to the smallest item indexes, so the result is the same for the same items.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A fast hasher for small integer keys (cluster indexes, hashes that are already
/// well mixed). Not for data an adversary controls: only our own indexes go in.
#[derive(Debug, Default, Clone, Copy)]
pub struct IndexHasher(u64);

impl Hasher for IndexHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(*byte)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = (self.0.rotate_left(5) ^ value).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_usize(&mut self, value: usize) {
        self.write_u64(value as u64);
    }
}

/// A hash map keyed by indexes, with [`IndexHasher`].
pub type IndexMap<K, V> = HashMap<K, V, BuildHasherDefault<IndexHasher>>;
/// A hash set of indexes, with [`IndexHasher`].
pub type IndexSet<K> = HashSet<K, BuildHasherDefault<IndexHasher>>;

/// One edge of the similarity graph between items `a < b`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Edge {
    pub a: usize,
    pub b: usize,
    pub similarity: f32,
}

/// The problem given to [`cluster`].
#[derive(Debug, Clone, Default)]
pub struct Problem {
    /// Weight of each item (number of duplicates it stands for, at least 1).
    pub weights: Vec<f64>,
    pub edges: Vec<Edge>,
    /// Items that must end up together.
    pub must_link: Vec<(usize, usize)>,
    /// Items that must stay apart.
    pub cannot_link: Vec<(usize, usize)>,
    pub threshold: f32,
}

/// The clusters found: for each item, its cluster's index; clusters are numbered by
/// their smallest item. Also the average similarity between clusters that stayed
/// apart but had some similarity (for merge suggestions), and the must-links that had
/// to be refused because they contradicted a cannot-link.
#[derive(Debug, Clone, Default)]
pub struct Clustering {
    pub assignment: Vec<usize>,
    /// (cluster a, cluster b, average similarity), a < b, cluster = smallest item.
    pub near: Vec<(usize, usize, f32)>,
    pub refused_links: Vec<(usize, usize)>,
}

/// Clusters the items.
pub fn cluster(problem: &Problem) -> Clustering {
    let n = problem.weights.len();
    let mut parent: Vec<usize> = (0..n).collect();
    let mut size: Vec<f64> = problem.weights.iter().map(|w| w.max(1.0)).collect();
    let mut alive = vec![true; n];
    let mut version = vec![0u32; n];
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut forbidden: Vec<IndexSet<usize>> = vec![IndexSet::default(); n];
    for &(a, b) in &problem.cannot_link {
        if a < n && b < n && a != b {
            forbidden[a].insert(b);
            forbidden[b].insert(a);
        }
    }
    // Sum of similarities between clusters (keyed by the other cluster's root).
    let mut links: Vec<IndexMap<usize, f64>> = vec![IndexMap::default(); n];
    for edge in &problem.edges {
        if edge.a >= n || edge.b >= n || edge.a == edge.b {
            continue;
        }
        let w = f64::from(edge.similarity) * size[edge.a] * size[edge.b];
        *links[edge.a].entry(edge.b).or_default() += w;
        *links[edge.b].entry(edge.a).or_default() += w;
    }

    let find = |parent: &Vec<usize>, mut x: usize| {
        while parent[x] != x {
            x = parent[x];
        }
        x
    };

    // Must-links first, in a fixed order.
    let mut refused = Vec::new();
    let mut must = problem.must_link.clone();
    must.iter_mut().for_each(|(a, b)| {
        if a > b {
            std::mem::swap(a, b);
        }
    });
    must.sort_unstable();
    must.dedup();
    for (a, b) in must {
        if a >= n || b >= n {
            continue;
        }
        let (ra, rb) = (find(&parent, a), find(&parent, b));
        if ra == rb {
            continue;
        }
        if forbidden[ra].contains(&rb) {
            refused.push((a, b));
            continue;
        }
        merge(
            ra,
            rb,
            &mut parent,
            &mut size,
            &mut alive,
            &mut version,
            &mut members,
            &mut forbidden,
            &mut links,
        );
    }

    // Nearest-neighbour chain: follow each cluster to its most similar neighbour until
    // two clusters are each other's nearest, merge them, go on. Average linkage is
    // reducible (a merged cluster is never closer to a third one than the closer of its
    // parts), so this gives the same merges as always merging the globally closest pair,
    // in O(merges × neighbours) instead of a priority queue of every pair. A cluster
    // whose nearest neighbour is under the threshold can never merge again.
    let threshold = f64::from(problem.threshold);
    let mut done = vec![false; n];
    let mut chain: Vec<usize> = Vec::new();
    let mut next_start = 0;
    loop {
        let Some(&top) = chain.last() else {
            while next_start < n && (!alive[next_start] || done[next_start]) {
                next_start += 1;
            }
            if next_start >= n {
                break;
            }
            chain.push(next_start);
            continue;
        };
        let previous = if chain.len() >= 2 { Some(chain[chain.len() - 2]) } else { None };
        let nearest = nearest_neighbour(top, previous, &links, &size, &alive, &done, &forbidden);
        match nearest {
            Some((other, average)) if average >= threshold => {
                if Some(other) == previous {
                    chain.pop();
                    chain.pop();
                    let (keep, gone) = (top.min(other), top.max(other));
                    merge(
                        keep,
                        gone,
                        &mut parent,
                        &mut size,
                        &mut alive,
                        &mut version,
                        &mut members,
                        &mut forbidden,
                        &mut links,
                    );
                } else {
                    chain.push(other);
                }
            }
            _ => {
                done[top] = true;
                chain.pop();
            }
        }
    }

    let mut assignment = vec![0; n];
    for root in 0..n {
        if alive[root] {
            let smallest = members[root].iter().copied().min().unwrap_or(root);
            for &m in &members[root] {
                assignment[m] = smallest;
            }
        }
    }
    let mut near = Vec::new();
    for a in 0..n {
        if !alive[a] {
            continue;
        }
        for (&b, &sum) in &links[a] {
            if a < b && alive[b] && !forbidden[a].contains(&b) {
                let (ca, cb) = (assignment[a], assignment[b]);
                near.push((ca.min(cb), ca.max(cb), (sum / (size[a] * size[b])) as f32));
            }
        }
    }
    near.sort_by(|x, y| y.2.total_cmp(&x.2).then(x.0.cmp(&y.0)).then(x.1.cmp(&y.1)));
    Clustering { assignment, near, refused_links: refused }
}

/// The most similar mergeable neighbour of `cluster` and the average similarity: ties
/// go to the chain's previous cluster (so that chains end), then to the smallest index.
fn nearest_neighbour(
    cluster: usize,
    previous: Option<usize>,
    links: &[IndexMap<usize, f64>],
    size: &[f64],
    alive: &[bool],
    done: &[bool],
    forbidden: &[IndexSet<usize>],
) -> Option<(usize, f64)> {
    let mut best: Option<(usize, f64)> = None;
    for (&other, &sum) in &links[cluster] {
        if !alive[other]
            || done[other]
            || other == cluster
            || (!forbidden[cluster].is_empty() && forbidden[cluster].contains(&other))
        {
            continue;
        }
        let average = sum / (size[cluster] * size[other]);
        let better = match best {
            None => true,
            Some((current, best_average)) => {
                average > best_average
                    || (average == best_average
                        && (Some(other) == previous || (Some(current) != previous && other < current)))
            }
        };
        if better {
            best = Some((other, average));
        }
    }
    best
}

/// Merges cluster `gone` into `keep`, combining sizes, members, constraints and links.
#[allow(clippy::too_many_arguments)]
fn merge(
    keep: usize,
    gone: usize,
    parent: &mut [usize],
    size: &mut [f64],
    alive: &mut [bool],
    version: &mut [u32],
    members: &mut [Vec<usize>],
    forbidden: &mut [IndexSet<usize>],
    links: &mut [IndexMap<usize, f64>],
) {
    parent[gone] = keep;
    alive[gone] = false;
    size[keep] += size[gone];
    version[keep] += 1;
    version[gone] += 1;
    let moved = std::mem::take(&mut members[gone]);
    members[keep].extend(moved);
    let gone_forbidden = std::mem::take(&mut forbidden[gone]);
    for other in gone_forbidden {
        forbidden[other].remove(&gone);
        if other != keep {
            forbidden[other].insert(keep);
            forbidden[keep].insert(other);
        }
    }
    let gone_links = std::mem::take(&mut links[gone]);
    links[keep].remove(&gone);
    for (other, sum) in gone_links {
        if other == keep {
            continue;
        }
        links[other].remove(&gone);
        *links[other].entry(keep).or_default() += sum;
        *links[keep].entry(other).or_default() += sum;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edge(a: usize, b: usize, similarity: f32) -> Edge {
        Edge { a, b, similarity }
    }

    #[test]
    fn average_linkage_merges_close_items_only() {
        let problem = Problem {
            weights: vec![1.0; 4],
            edges: vec![edge(0, 1, 0.9), edge(2, 3, 0.8), edge(1, 2, 0.1)],
            threshold: 0.5,
            ..Problem::default()
        };
        let result = cluster(&problem);
        assert_eq!(result.assignment, vec![0, 0, 2, 2]);
        assert_eq!(result.near.len(), 1);
    }

    #[test]
    fn constraints_win_over_similarity() {
        let problem = Problem {
            weights: vec![1.0; 3],
            edges: vec![edge(0, 1, 0.9)],
            must_link: vec![(1, 2)],
            cannot_link: vec![(0, 1)],
            threshold: 0.5,
        };
        let result = cluster(&problem);
        assert_eq!(result.assignment, vec![0, 1, 1]);
    }
}
