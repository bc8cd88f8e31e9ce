"""PyTorch peer of the full-study benchmark: whole runs, as Loss Lab's study trains them.

One process is one training worker with one thread (torch's and OpenBLAS's own pool: see torch_mlp.py). The
bench starts as many processes as Loss Lab has workers and hands each run to a free one. A run is Keras's
defaults as the presets use them: Dense(hidden units, hidden activation) -> Dense(10, output activation),
glorot-uniform kernels, zero biases, Adam (lr, eps 1e-7), shuffled batches, `epochs` epochs, and after every
epoch the whole test split evaluated (Loss Lab does the same, so both sides do the same work).

argv: train data file, test data file (each: uint32 LE count, count label bytes, count x 784 image bytes).
Each stdin line is a JSON run:
  {"hidden": "tanh"|"relu", "output": "tanh"|"softmax", "loss": "mse"|"categoricalCrossentropy",
   "units": 128, "batch": 32, "epochs": 10, "lr": 0.001, "seed": 1}
-> {"seconds": wall seconds of the run, "testAccuracy": [after each epoch], "coresUsed": CPU / wall seconds}
"""
import json
import sys
import time

try:
    import torch
    import torch.nn.functional as F
except ImportError as error:
    print(json.dumps({"error": f"torch is not importable: {error}"}), flush=True)
    sys.exit(3)

from torch_mlp import load, use_threads  # the same data reader and thread settings as the throughput peer

ACTIVATIONS = {"tanh": torch.tanh, "relu": torch.relu}


def train(run, x, labels, x_test, labels_test):
    torch.manual_seed(int(run["seed"]))
    hidden = torch.nn.Linear(784, int(run["units"]))
    out = torch.nn.Linear(int(run["units"]), 10)
    for layer in (hidden, out):
        torch.nn.init.xavier_uniform_(layer.weight)
        torch.nn.init.zeros_(layer.bias)
    act = ACTIVATIONS[run["hidden"]]
    params = list(hidden.parameters()) + list(out.parameters())
    opt = torch.optim.Adam(params, lr=float(run["lr"]), betas=(0.9, 0.999), eps=1e-7)
    y = F.one_hot(labels, 10).float()

    def loss_of(logits, targets, target_labels):
        if run["loss"] == "categoricalCrossentropy":  # softmax + CE fused, as a PyTorch user writes it
            return F.cross_entropy(logits, target_labels)
        return F.mse_loss(torch.tanh(logits) if run["output"] == "tanh" else logits, targets)

    count, batch, accuracies = x.shape[0], int(run["batch"]), []
    for _ in range(int(run["epochs"])):
        order = torch.randperm(count)
        for s in range(0, count, batch):
            idx = order[s : s + batch]
            opt.zero_grad(set_to_none=True)
            loss_of(out(act(hidden(x[idx]))), y[idx], labels[idx]).backward()
            opt.step()
        with torch.no_grad():
            predicted = out(act(hidden(x_test))).argmax(dim=1)
            accuracies.append(float((predicted == labels_test).float().mean()))
    return accuracies


def main():
    use_threads(1)
    x, _, labels = load(sys.argv[1])
    x_test, _, labels_test = load(sys.argv[2])
    print(json.dumps({"ready": True, "torch": torch.__version__, "train": x.shape[0], "test": x_test.shape[0]}), flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        run = json.loads(line)
        start, cpu_start = time.perf_counter(), time.process_time()
        accuracies = train(run, x, labels, x_test, labels_test)
        seconds = time.perf_counter() - start
        answer = {"seconds": seconds, "testAccuracy": accuracies, "coresUsed": (time.process_time() - cpu_start) / seconds}
        print(json.dumps(answer), flush=True)


if __name__ == "__main__":
    main()
