"""PyTorch peer of the Loss Lab throughput benchmark.

Trains the same 784 -> 128 -> 10 MLPs as Loss Lab (Keras defaults: glorot-uniform kernels, zero biases,
Adam lr 1e-3 with eps 1e-7) on the same bytes, and reports samples per second over whole epochs.

Run by bench/run.ts as a long-lived child: argv[1] is a data file (uint32 LE count, count label bytes,
count x 784 image bytes); each stdin line is a JSON request, each answer one JSON line on stdout:
  {"preset": "example-1"|"example-3", "batch": 32, "threads": 0|1, "epochs": 1}
  -> {"samplesPerSecond": ..., "seconds": ..., "threads": <torch.get_num_threads()>,
      "blasThreads": <the BLAS library's own thread count, or null>, "coresUsed": <CPU seconds / wall seconds>,
      "loss": <mean train loss>}
threads 0 means what the user gets without asking: torch's default thread count (what it picked at start-up)
and the BLAS library's default. threads N sets both: torch.set_num_threads does not reach OpenBLAS's own
thread pool (Debian's torch with libopenblas0-pthread runs its matrix products on every core even at
torch.set_num_threads(1)), so a "1 thread" peer that did not also call openblas_set_num_threads would use
two cores. coresUsed, measured over the epoch, shows what each request really used. The first request for a
(preset, batch) builds the model; later ones continue training it, so the caller's warm-up epoch counts.
"""
import ctypes
import json
import struct
import sys
import time

try:
    import torch
    import torch.nn.functional as F
except ImportError as error:  # the caller prints this and skips the peer
    print(json.dumps({"error": f"torch is not importable: {error}"}), flush=True)
    sys.exit(3)

DEFAULT_THREADS = torch.get_num_threads()


def mapped_openblas():
    """The OpenBLAS library this process loaded (torch links libblas.so.3), or None for another BLAS."""
    try:
        with open("/proc/self/maps") as maps:
            for line in maps:
                path = line.split()[-1]
                if "libopenblas" in path and ".so" in path:
                    lib = ctypes.CDLL(path)
                    return lib if hasattr(lib, "openblas_set_num_threads") else None
    except OSError:
        return None
    return None


OPENBLAS = mapped_openblas()
DEFAULT_BLAS_THREADS = OPENBLAS.openblas_get_num_threads() if OPENBLAS else None


def use_threads(threads):
    """threads 0: torch's and the BLAS's defaults; otherwise that many in both."""
    torch.set_num_threads(threads or DEFAULT_THREADS)
    if OPENBLAS:
        OPENBLAS.openblas_set_num_threads(threads or DEFAULT_BLAS_THREADS)


def blas_threads():
    return OPENBLAS.openblas_get_num_threads() if OPENBLAS else None


def load(path):
    with open(path, "rb") as f:
        raw = f.read()
    (count,) = struct.unpack_from("<I", raw, 0)
    labels = torch.frombuffer(bytearray(raw[4 : 4 + count]), dtype=torch.uint8).long()
    pixels = torch.frombuffer(bytearray(raw[4 + count : 4 + count + count * 784]), dtype=torch.uint8)
    x = pixels.float().div_(255.0).reshape(count, 784).contiguous()
    y = F.one_hot(labels, 10).float()
    return x, y, labels


class Mlp(torch.nn.Module):
    def __init__(self, hidden_act):
        super().__init__()
        self.hidden = torch.nn.Linear(784, 128)
        self.out = torch.nn.Linear(128, 10)
        self.hidden_act = hidden_act
        for layer in (self.hidden, self.out):
            torch.nn.init.xavier_uniform_(layer.weight)  # = Keras glorot_uniform
            torch.nn.init.zeros_(layer.bias)

    def forward(self, x):
        return self.out(self.hidden_act(self.hidden(x)))


class Trainer:
    def __init__(self, preset, seed=1):
        torch.manual_seed(seed)
        if preset == "example-1":  # Dense(128, tanh) -> Dense(10, tanh), MSE on 0/1 one-hot
            self.model = Mlp(torch.tanh)
            self.loss = lambda logits, y, labels: F.mse_loss(torch.tanh(logits), y)
        elif preset == "example-3":  # Dense(128, relu) -> Dense(10, softmax), categorical CE
            self.model = Mlp(torch.relu)
            # softmax + log + NLL fused, as a PyTorch user writes it (mathematically Keras's CE on softmax)
            self.loss = lambda logits, y, labels: F.cross_entropy(logits, labels)
        else:
            raise ValueError(f"unknown preset {preset}")
        self.opt = torch.optim.Adam(self.model.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-7)

    def epoch(self, x, y, labels, batch):
        count = x.shape[0]
        order = torch.randperm(count)
        total = torch.zeros(())
        start = time.perf_counter()
        cpu_start = time.process_time()
        for s in range(0, count, batch):
            idx = order[s : s + batch]
            self.opt.zero_grad(set_to_none=True)
            loss = self.loss(self.model(x[idx]), y[idx], labels[idx])
            loss.backward()
            self.opt.step()
            total += loss.detach() * idx.shape[0]
        seconds = time.perf_counter() - start
        cpu_seconds = time.process_time() - cpu_start
        return count / seconds, seconds, float(total) / count, cpu_seconds / seconds


def main():
    x, y, labels = load(sys.argv[1])
    trainers = {}
    ready = {"ready": True, "torch": torch.__version__, "defaultThreads": DEFAULT_THREADS, "defaultBlasThreads": DEFAULT_BLAS_THREADS, "count": x.shape[0]}
    print(json.dumps(ready), flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        req = json.loads(line)
        use_threads(int(req.get("threads", 0)))
        key = (req["preset"], int(req["batch"]))
        if key not in trainers:
            trainers[key] = Trainer(*key[:1])
        best = None
        for _ in range(int(req.get("epochs", 1))):
            best = trainers[key].epoch(x, y, labels, key[1])
        sps, seconds, loss, cores = best
        answer = {"samplesPerSecond": sps, "seconds": seconds, "loss": loss, "coresUsed": cores, "threads": torch.get_num_threads(), "blasThreads": blas_threads()}
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()
