//! Anchored prefix search over a fixed set of byte strings: which of them start at a given
//! position of a text.
//!
//! The exact matcher only ever asks this question at word starts, so it needs neither the
//! failure transitions of an Aho-Corasick automaton (unanchored search) nor one state per byte.
//! A radix tree (a trie whose single-child chains are merged into one label) answers it with one
//! node per branch point: the tail of a long rendering is a single slice comparison instead of
//! a state load per byte, which is what the walk spends its time on once the glossary outgrows
//! the processor's caches. Building it is a sort and one pass over the sorted keys.

/// Marks a node that no key ends at.
const NO_KEY: u32 = u32::MAX;

/// A set of non-empty byte strings (keys), each with its index in the list it was built from.
#[derive(Debug, Clone, Default)]
pub struct PrefixTree {
    nodes: Vec<Node>,
    /// Every node's label, one after the other.
    labels: Vec<u8>,
    /// The first byte of every node's label but the root's: entry `i` is node `i + 1`'s. A
    /// node's children are consecutive nodes, so their first bytes are side by side here,
    /// sorted, and a child is found by its place among them.
    child_bytes: Vec<u8>,
    /// The root's children by first byte, for the one lookup every walk makes.
    root_children: Vec<u32>,
}

/// A node and, in the same 32 bytes, the start of its label: a step of the walk reads one
/// node, not a node and then its label elsewhere (each a cache miss once the glossary
/// outgrows the processor's caches).
#[derive(Debug, Clone, Copy)]
struct Node {
    label_start: u32,
    label_len: u32,
    /// Where its children's first bytes start in `child_bytes`.
    children_start: u32,
    /// The key that ends after this node's label, or [`NO_KEY`].
    key: u32,
    children_len: u16,
    /// The first [`Node::HEAD`] bytes of the label (all of a short one), padded with zeros.
    head: [u8; Node::HEAD],
}

impl PrefixTree {
    /// Builds the tree of `keys`; key `i` is reported as `i`. Empty keys are ignored and keys
    /// must be distinct.
    ///
    /// # Panics
    /// When the keys hold 4 GiB or more in all, or two keys are equal.
    pub fn new<K: AsRef<[u8]>>(keys: &[K]) -> Self {
        let key = |i: u32| keys[i as usize].as_ref();
        let mut order: Vec<u32> = (0..keys.len() as u32)
            .filter(|&i| !key(i).is_empty())
            .collect();
        order.sort_unstable_by(|&a, &b| key(a).cmp(key(b)));
        let mut tree = PrefixTree {
            root_children: vec![NO_KEY; 256],
            ..PrefixTree::default()
        };
        if order.is_empty() {
            return tree;
        }
        tree.nodes.push(Node::EMPTY);
        // Work items: a run of sorted keys sharing their first `depth` bytes, and the node made
        // for it. An explicit stack, since one key may be a prefix of thousands of others.
        let mut stack: Vec<(usize, usize, usize, u32)> = vec![(0, order.len(), 0, 0)];
        while let Some((lo, hi, depth, node)) = stack.pop() {
            let (first, last) = (key(order[lo]), key(order[hi - 1]));
            // Sorted keys: the prefix the first and last share is shared by all of them.
            let end = depth
                + first[depth..]
                    .iter()
                    .zip(&last[depth..])
                    .take_while(|(a, b)| a == b)
                    .count();
            let label_start = u32::try_from(tree.labels.len()).expect("keys under 4 GiB");
            tree.labels.extend_from_slice(&first[depth..end]);
            let mut next = lo;
            let mut ends_here = NO_KEY;
            if first.len() == end {
                ends_here = order[lo];
                next += 1;
                assert!(
                    next == hi || key(order[next]).len() > end,
                    "prefix tree keys must be distinct"
                );
            }
            let children_start = tree.child_bytes.len() as u32;
            while next < hi {
                let byte = key(order[next])[end];
                let group_end = next
                    + order[next..hi]
                        .iter()
                        .take_while(|&&k| key(k)[end] == byte)
                        .count();
                let child = tree.nodes.len() as u32;
                tree.nodes.push(Node::EMPTY);
                tree.child_bytes.push(byte);
                debug_assert_eq!(child as usize, tree.child_bytes.len());
                if node == 0 && end == 0 {
                    tree.root_children[usize::from(byte)] = child;
                }
                stack.push((next, group_end, end, child));
                next = group_end;
            }
            let label = &first[depth..end];
            let mut head = [0; Node::HEAD];
            let inline = label.len().min(Node::HEAD);
            head[..inline].copy_from_slice(&label[..inline]);
            tree.nodes[node as usize] = Node {
                label_start,
                label_len: label.len() as u32,
                children_start,
                key: ends_here,
                children_len: u16::try_from(tree.child_bytes.len() as u32 - children_start)
                    .expect("at most 256 children"),
                head,
            };
        }
        tree
    }

    /// Calls `found(len, key)` for every key that `text` starts with, shortest first.
    #[inline]
    pub fn prefixes_of(&self, text: &[u8], mut found: impl FnMut(usize, u32)) {
        let Some(root) = self.nodes.first() else {
            return;
        };
        let mut node = root;
        let mut at = 0;
        loop {
            let len = node.label_len as usize;
            let Some(rest) = text.get(at..at + len) else {
                return;
            };
            // Labels are short: a byte loop beats a call to memcmp.
            let (head, tail) = rest.split_at(len.min(Node::HEAD));
            if !head.iter().zip(&node.head).all(|(a, b)| a == b) {
                return;
            }
            if !tail.is_empty() {
                let start = node.label_start as usize + Node::HEAD;
                let label_tail = &self.labels[start..node.label_start as usize + len];
                if !tail.iter().zip(label_tail).all(|(a, b)| a == b) {
                    return;
                }
            }
            at += len;
            if node.key != NO_KEY {
                found(at, node.key);
            }
            let Some(&byte) = text.get(at) else {
                return;
            };
            let child = if std::ptr::eq(node, root) && root.label_len == 0 {
                self.root_children[usize::from(byte)]
            } else {
                let start = node.children_start as usize;
                let bytes = &self.child_bytes[start..start + usize::from(node.children_len)];
                match bytes.iter().position(|&b| b == byte) {
                    // Child `k` is node `start + k + 1` (see `child_bytes`).
                    Some(k) => (start + k + 1) as u32,
                    None => return,
                }
            };
            if child == NO_KEY {
                return;
            }
            node = &self.nodes[child as usize];
        }
    }

    /// Bytes the tree takes.
    pub fn memory_estimate(&self) -> usize {
        self.nodes.capacity() * std::mem::size_of::<Node>()
            + self.labels.capacity()
            + self.child_bytes.capacity()
            + self.root_children.capacity() * std::mem::size_of::<u32>()
    }
}

const _: () = assert!(std::mem::size_of::<Node>() == 32);

impl Node {
    /// Bytes of a label held in its node.
    const HEAD: usize = 12;
    const EMPTY: Node = Node {
        label_start: 0,
        label_len: 0,
        children_start: 0,
        key: NO_KEY,
        children_len: 0,
        head: [0; Node::HEAD],
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prefixes(tree: &PrefixTree, text: &str) -> Vec<(usize, u32)> {
        let mut out = Vec::new();
        tree.prefixes_of(text.as_bytes(), |len, key| out.push((len, key)));
        out
    }

    /// The same answer by brute force.
    fn expected(keys: &[&str], text: &str) -> Vec<(usize, u32)> {
        let mut out: Vec<(usize, u32)> = keys
            .iter()
            .enumerate()
            .filter(|(_, k)| !k.is_empty() && text.starts_with(*k))
            .map(|(i, k)| (k.len(), i as u32))
            .collect();
        out.sort_unstable();
        out
    }

    #[test]
    fn finds_every_key_the_text_starts_with_shortest_first() {
        let keys = [
            "trade union",
            "trade unions",
            "trade",
            "federation of trade unions",
            "t",
            "tradesman",
            "",
            "zebra",
        ];
        let tree = PrefixTree::new(&keys);
        for text in [
            "trade unions of shanghai",
            "trade union",
            "tradesmanship",
            "trad",
            "t",
            "federation of trade unions",
            "federation of trade",
            "zebras",
            "",
            "x",
        ] {
            assert_eq!(prefixes(&tree, text), expected(&keys, text), "{text:?}");
        }
    }

    #[test]
    fn a_single_key_and_no_key() {
        let tree = PrefixTree::new(&["abc"]);
        assert_eq!(prefixes(&tree, "abcd"), vec![(3, 0)]);
        assert!(prefixes(&tree, "ab").is_empty());
        assert!(prefixes(&tree, "xabc").is_empty());
        let empty = PrefixTree::new::<&str>(&[]);
        assert!(prefixes(&empty, "abc").is_empty());
    }

    #[test]
    fn keys_sharing_a_first_byte_with_no_branch_at_the_root() {
        // Every key starts with "ab": the root has a label of its own.
        let keys = ["abc", "abd", "ab"];
        let tree = PrefixTree::new(&keys);
        for text in ["abc", "abd", "abx", "a", "b"] {
            assert_eq!(prefixes(&tree, text), expected(&keys, text), "{text:?}");
        }
    }

    #[test]
    fn a_key_that_is_a_prefix_of_thousands_of_others_builds_without_deep_recursion() {
        let keys: Vec<String> = (1..=5000).map(|n| "a".repeat(n)).collect();
        let tree = PrefixTree::new(&keys);
        let found = prefixes(&tree, &"a".repeat(6000));
        assert_eq!(found.len(), 5000);
        assert_eq!(found[4999], (5000, 4999));
    }

    #[test]
    fn agrees_with_brute_force_on_generated_keys() {
        // Keys over a tiny alphabet share long prefixes and branch often.
        let mut keys: Vec<String> = Vec::new();
        let mut seed = 7u32;
        for _ in 0..400 {
            seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            let len = 1 + (seed >> 16) as usize % 6;
            let word: String = (0..len)
                .map(|k| ["a", "b", " "][((seed >> (k * 3)) % 3) as usize])
                .collect();
            if !keys.contains(&word) {
                keys.push(word);
            }
        }
        let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
        let tree = PrefixTree::new(&refs);
        for text in ["ab ba", "aaaaaa", "b b b", " a", "bbbbbbb", "abab"] {
            assert_eq!(prefixes(&tree, text), expected(&refs, text), "{text:?}");
        }
    }
}
