//! Micro-benchmarks of each stage of the pipeline, on documents of the generated bench corpus
//! (`bench/gen_corpus.py`, the same generator `bench/run.sh` uses; run here if the corpus is
//! missing): reading Markdown into prose, cutting sentences, extracting claims, finding ledger
//! terms and linking, with a 10-figure and a 10,000-figure ledger.
//!
//!     cargo bench --bench pipeline
//!
//! Throughput is reported in bytes of Markdown per second.

use std::path::{Path, PathBuf};
use std::process::Command;

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use figcheck::extract::extract;
use figcheck::ledger::Ledger;
use figcheck::link::{link, TermIndex};
use figcheck::pack::Packs;
use figcheck::segment::{segment, LocaleChoice};
use figcheck::source::{Document, Format};

/// 250 documents of ~4 KB (half French, half English): ~1 MB.
const DOCS: usize = 250;

fn corpus() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("target/bench-micro");
    if !dir.join("figures-10000.toml").exists() {
        let status = Command::new("python3")
            .arg(root.join("bench/gen_corpus.py"))
            .arg(&dir)
            .args(["--files", &DOCS.to_string(), "--figures", "10", "10000"])
            .status()
            .expect("python3 runs bench/gen_corpus.py");
        assert!(status.success(), "bench/gen_corpus.py failed");
    }
    dir
}

fn stages(c: &mut Criterion) {
    let dir = corpus();
    let packs = Packs::builtin().expect("built-in packs load");
    let texts: Vec<String> = (0..DOCS)
        .map(|i| std::fs::read_to_string(dir.join(format!("docs/{i:05}.md"))).expect("corpus"))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let docs: Vec<Document> = texts
        .iter()
        .map(|t| Document::new("d.md", t.clone(), Format::Markdown))
        .collect();
    let sentences: Vec<_> = docs
        .iter()
        .map(|d| segment(d, &packs, LocaleChoice::Auto, 0))
        .collect();
    let claims: Vec<_> = docs
        .iter()
        .zip(&sentences)
        .map(|(d, s)| extract(d, s, &packs).claims)
        .collect();

    let mut g = c.benchmark_group("stage");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(20);
    g.bench_function("read markdown", |b| {
        b.iter(|| {
            for t in &texts {
                black_box(Document::new("d.md", t.clone(), Format::Markdown));
            }
        })
    });
    g.bench_function("segment", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(segment(d, &packs, LocaleChoice::Auto, 0));
            }
        })
    });
    g.bench_function("extract", |b| {
        b.iter(|| {
            for (d, s) in docs.iter().zip(&sentences) {
                black_box(extract(d, s, &packs));
            }
        })
    });
    for n in [10, 10_000] {
        let path = dir.join(format!("figures-{n}.toml"));
        let ledger = Ledger::load(&[path], &packs).expect("generated ledger loads");
        let index = TermIndex::new(&ledger, &packs);
        g.bench_function(format!("find terms + link, {n} figures"), |b| {
            b.iter(|| {
                for ((d, s), cl) in docs.iter().zip(&sentences).zip(&claims) {
                    let mut with: Vec<usize> = cl.iter().map(|c| c.sentence).collect();
                    with.dedup();
                    let spans = figcheck::link::term_spans(d, with.iter().map(|&i| &s[i].span));
                    let hits = index.find(d, spans);
                    black_box(link(d, cl, s, &hits, &index, &ledger, &packs));
                }
            })
        });
    }
    g.finish();

    let mut g = c.benchmark_group("start-up");
    g.sample_size(10);
    for n in [10, 10_000] {
        let path = dir.join(format!("figures-{n}.toml"));
        g.bench_function(
            format!("load ledger + build term index, {n} figures"),
            |b| {
                b.iter(|| {
                    let ledger = Ledger::load(std::slice::from_ref(&path), &packs).expect("loads");
                    black_box(TermIndex::new(&ledger, &packs))
                })
            },
        );
    }
    g.bench_function("built-in packs", |b| {
        b.iter(|| black_box(Packs::builtin().is_ok()))
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
