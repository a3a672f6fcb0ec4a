//! Deterministic average-linkage clustering on a sparse similarity graph, with the
//! facilitator's constraints: must-link groups (merges) are formed first, cannot-link
//! pairs (splits, rejected suggestions) are never put together.
//!
//! Items arrive sorted by a key that does not depend on input order; each item has a
//! weight (how many exact duplicates it stands for). The average similarity between two
//! clusters is the weighted mean over their member pairs, pairs absent from the graph
//! counting as 0. The most similar pair of clusters merges first; ties go to the pair
//! with the smallest item indexes, so the result is the same for the same items.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap, HashSet};

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

#[derive(Debug, Clone, Copy, PartialEq)]
struct Candidate {
    average: f64,
    a: usize,
    b: usize,
    version_a: u32,
    version_b: u32,
}

impl Eq for Candidate {}

impl Ord for Candidate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.average
            .total_cmp(&other.average)
            .then_with(|| other.a.cmp(&self.a))
            .then_with(|| other.b.cmp(&self.b))
    }
}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Clusters the items.
pub fn cluster(problem: &Problem) -> Clustering {
    let n = problem.weights.len();
    let mut parent: Vec<usize> = (0..n).collect();
    let mut size: Vec<f64> = problem.weights.iter().map(|w| w.max(1.0)).collect();
    let mut alive = vec![true; n];
    let mut version = vec![0u32; n];
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut forbidden: Vec<HashSet<usize>> = vec![HashSet::new(); n];
    for &(a, b) in &problem.cannot_link {
        if a < n && b < n && a != b {
            forbidden[a].insert(b);
            forbidden[b].insert(a);
        }
    }
    // Sum of similarities between clusters (keyed by the other cluster's root).
    let mut links: Vec<HashMap<usize, f64>> = vec![HashMap::new(); n];
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

    let mut heap = BinaryHeap::new();
    for a in 0..n {
        if !alive[a] {
            continue;
        }
        for (&b, &sum) in &links[a] {
            if a < b && alive[b] {
                push(&mut heap, a, b, sum / (size[a] * size[b]), &version);
            }
        }
    }
    let threshold = f64::from(problem.threshold);
    while let Some(c) = heap.pop() {
        if c.average < threshold {
            break;
        }
        if !alive[c.a] || !alive[c.b] || version[c.a] != c.version_a || version[c.b] != c.version_b {
            continue;
        }
        if forbidden[c.a].contains(&c.b) {
            continue;
        }
        let (keep, gone) = (c.a.min(c.b), c.a.max(c.b));
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
        let mut neighbours: Vec<(usize, f64)> = links[keep].iter().map(|(&k, &v)| (k, v)).collect();
        neighbours.sort_by_key(|(k, _)| *k);
        for (other, sum) in neighbours {
            if alive[other] {
                let (a, b) = (keep.min(other), keep.max(other));
                push(&mut heap, a, b, sum / (size[keep] * size[other]), &version);
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

fn push(heap: &mut BinaryHeap<Candidate>, a: usize, b: usize, average: f64, version: &[u32]) {
    heap.push(Candidate { average, a, b, version_a: version[a], version_b: version[b] });
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
    forbidden: &mut [HashSet<usize>],
    links: &mut [HashMap<usize, f64>],
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
