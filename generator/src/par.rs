//! Data parallelism, through rayon with the `parallel` feature and sequentially without.
//!
//! Every parallel step of the pipeline goes through this module: `prelude` brings
//! `par_iter`/`into_par_iter` and [`join`] runs two closures. Without the feature the same
//! calls are plain iterators and two calls in a row, so a build script that depends on
//! the library does not compile rayon (output is identical either way: every parallel
//! step collects its results in input order).

#[cfg(feature = "parallel")]
pub use rayon::{join, prelude};

/// Sequential stand-ins for the rayon traits the pipeline uses.
#[cfg(not(feature = "parallel"))]
pub mod prelude {
    /// `par_iter()` on anything iterable by reference: its ordinary iterator.
    pub trait IntoParallelRefIterator<'a> {
        /// The iterator.
        type Iter: Iterator;
        /// Iterates by reference, in order.
        fn par_iter(&'a self) -> Self::Iter;
    }

    impl<'a, T: 'a + ?Sized> IntoParallelRefIterator<'a> for T
    where
        &'a T: IntoIterator,
    {
        type Iter = <&'a T as IntoIterator>::IntoIter;
        fn par_iter(&'a self) -> Self::Iter {
            self.into_iter()
        }
    }

    /// `into_par_iter()` on anything iterable: its ordinary iterator.
    pub trait IntoParallelIterator {
        /// The iterator.
        type Iter: Iterator;
        /// Iterates by value, in order.
        fn into_par_iter(self) -> Self::Iter;
    }

    impl<T: IntoIterator> IntoParallelIterator for T {
        type Iter = T::IntoIter;
        fn into_par_iter(self) -> Self::Iter {
            self.into_iter()
        }
    }
}

/// Runs `a` then `b` (rayon runs them in parallel with the `parallel` feature).
#[cfg(not(feature = "parallel"))]
pub fn join<A, B, RA, RB>(a: A, b: B) -> (RA, RB)
where
    A: FnOnce() -> RA + Send,
    B: FnOnce() -> RB + Send,
    RA: Send,
    RB: Send,
{
    (a(), b())
}
