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

use rustc_hash::{FxHashMap, FxHashSet};

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

/// The clusters while they merge: union-find over the items, each live cluster (keyed
/// by its root) with its total weight, members, cannot-links and summed similarities.
struct Forest {
    parent: Vec<usize>,
    size: Vec<f64>,
    alive: Vec<bool>,
    members: Vec<Vec<usize>>,
    forbidden: Vec<FxHashSet<usize>>,
    /// Sum of similarities between clusters (keyed by the other cluster's root).
    links: Vec<FxHashMap<usize, f64>>,
}

impl Forest {
    /// Every item alone, with the problem's cannot-links and similarities.
    fn new(problem: &Problem) -> Forest {
        let n = problem.weights.len();
        let mut forest = Forest {
            parent: (0..n).collect(),
            size: problem.weights.iter().map(|w| w.max(1.0)).collect(),
            alive: vec![true; n],
            members: (0..n).map(|i| vec![i]).collect(),
            forbidden: vec![FxHashSet::default(); n],
            links: vec![FxHashMap::default(); n],
        };
        for &(a, b) in &problem.cannot_link {
            if a < n && b < n && a != b {
                forest.forbidden[a].insert(b);
                forest.forbidden[b].insert(a);
            }
        }
        for edge in &problem.edges {
            if edge.a >= n || edge.b >= n || edge.a == edge.b {
                continue;
            }
            let w = f64::from(edge.similarity) * forest.size[edge.a] * forest.size[edge.b];
            *forest.links[edge.a].entry(edge.b).or_default() += w;
            *forest.links[edge.b].entry(edge.a).or_default() += w;
        }
        forest
    }

    /// The root of the cluster holding item `x`.
    fn find(&self, mut x: usize) -> usize {
        while self.parent[x] != x {
            x = self.parent[x];
        }
        x
    }

    /// Average similarity between two live clusters.
    fn average(&self, a: usize, b: usize, sum: f64) -> f64 {
        sum / (self.size[a] * self.size[b])
    }

    /// The most similar mergeable neighbour of `cluster` and the average similarity:
    /// ties go to the chain's previous cluster (so that chains end), then to the
    /// smallest index.
    fn nearest_neighbour(
        &self,
        cluster: usize,
        previous: Option<usize>,
        done: &[bool],
    ) -> Option<(usize, f64)> {
        let forbidden = &self.forbidden[cluster];
        let mut best: Option<(usize, f64)> = None;
        for (&other, &sum) in &self.links[cluster] {
            if !self.alive[other]
                || done[other]
                || other == cluster
                || (!forbidden.is_empty() && forbidden.contains(&other))
            {
                continue;
            }
            let average = self.average(cluster, other, sum);
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
    fn merge(&mut self, keep: usize, gone: usize) {
        self.parent[gone] = keep;
        self.alive[gone] = false;
        self.size[keep] += self.size[gone];
        let moved = std::mem::take(&mut self.members[gone]);
        self.members[keep].extend(moved);
        let gone_forbidden = std::mem::take(&mut self.forbidden[gone]);
        for other in gone_forbidden {
            self.forbidden[other].remove(&gone);
            if other != keep {
                self.forbidden[other].insert(keep);
                self.forbidden[keep].insert(other);
            }
        }
        let gone_links = std::mem::take(&mut self.links[gone]);
        self.links[keep].remove(&gone);
        for (other, sum) in gone_links {
            if other == keep {
                continue;
            }
            self.links[other].remove(&gone);
            *self.links[other].entry(keep).or_default() += sum;
            *self.links[keep].entry(other).or_default() += sum;
        }
    }
}

/// Clusters the items.
pub fn cluster(problem: &Problem) -> Clustering {
    let n = problem.weights.len();
    let mut forest = Forest::new(problem);

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
        let (ra, rb) = (forest.find(a), forest.find(b));
        if ra == rb {
            continue;
        }
        if forest.forbidden[ra].contains(&rb) {
            refused.push((a, b));
            continue;
        }
        forest.merge(ra, rb);
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
            while next_start < n && (!forest.alive[next_start] || done[next_start]) {
                next_start += 1;
            }
            if next_start >= n {
                break;
            }
            chain.push(next_start);
            continue;
        };
        let previous = if chain.len() >= 2 { Some(chain[chain.len() - 2]) } else { None };
        match forest.nearest_neighbour(top, previous, &done) {
            Some((other, average)) if average >= threshold => {
                if Some(other) == previous {
                    chain.pop();
                    chain.pop();
                    forest.merge(top.min(other), top.max(other));
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
        if forest.alive[root] {
            let smallest = forest.members[root].iter().copied().min().unwrap_or(root);
            for &m in &forest.members[root] {
                assignment[m] = smallest;
            }
        }
    }
    let mut near = Vec::new();
    for a in 0..n {
        if !forest.alive[a] {
            continue;
        }
        for (&b, &sum) in &forest.links[a] {
            if a < b && forest.alive[b] && !forest.forbidden[a].contains(&b) {
                let (ca, cb) = (assignment[a], assignment[b]);
                near.push((ca.min(cb), ca.max(cb), forest.average(a, b, sum) as f32));
            }
        }
    }
    near.sort_by(|x, y| y.2.total_cmp(&x.2).then(x.0.cmp(&y.0)).then(x.1.cmp(&y.1)));
    Clustering { assignment, near, refused_links: refused }
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
