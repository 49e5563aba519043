"""Plain-PyTorch side of benchmarks/scripts/train-speed-vs-pytorch.sh (issue 21): the same networks,
data, batch, optimizers, thread count and memory format as coex's TrainSpeedRun, timed the same way.

    python3 torch_peer.py COEX.json THREADS OUT.json

COEX.json is what TrainSpeedRun wrote (the space, the derived network's choices); the images are
Fashion-MNIST's IDX files where Debian installs them. A benchmark peer only: coex never runs it.
"""
import gzip
import json
import math
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

FMNIST = "/usr/share/datasets/fashion-mnist/"
# coex keeps activations channels-last after the stem; PEER_FORMAT=nchw times the peer in PyTorch's default layout instead
LAYOUT = torch.contiguous_format if os.environ.get("PEER_FORMAT") == "nchw" else torch.channels_last


def idx(name, offset):
    with gzip.open(FMNIST + name, "rb") as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)


def relu6(x):
    return x.clamp(0, 6)


class MBConv(nn.Module):
    def __init__(self, cin, cout, k, e, stride):
        super().__init__()
        hidden = cin * e
        self.expand = None if e == 1 else nn.Sequential(nn.Conv2d(cin, hidden, 1, bias=False), nn.BatchNorm2d(hidden))
        self.dw = nn.Sequential(nn.Conv2d(hidden, hidden, k, stride, k // 2, groups=hidden, bias=False), nn.BatchNorm2d(hidden))
        self.project = nn.Sequential(nn.Conv2d(hidden, cout, 1, bias=False), nn.BatchNorm2d(cout))
        self.residual = stride == 1 and cin == cout

    def forward(self, x):
        h = x if self.expand is None else relu6(self.expand(x))
        h = self.project(relu6(self.dw(h)))
        return h + x if self.residual else h


class Mixed(nn.Module):
    """FBNet's Gumbel-softmax mixture of a layer's candidates (None = skip)."""

    def __init__(self, layer):
        super().__init__()
        self.ops = nn.ModuleList([nn.Identity() if not c else MBConv(layer["in"], layer["out"], c[0], c[1], layer["stride"]) for c in layer["candidates"]])
        self.alpha = nn.Parameter(torch.zeros(len(self.ops)))
        self.tau = 5.0
        self.noise = True

    def forward(self, x):
        a = self.alpha
        if self.noise:
            a = a - torch.log(-torch.log(torch.rand_like(a)))
        w = F.softmax(a / self.tau, dim=0)
        out = None
        for i, op in enumerate(self.ops):
            t = op(x) * w[i]
            out = t if out is None else out + t
        return out


class Net(nn.Module):
    def __init__(self, space, body):
        super().__init__()
        c, k, s = space["stem"]
        self.stem = nn.Sequential(nn.Conv2d(space["input"][0], c, k, s, k // 2, bias=False), nn.BatchNorm2d(c))
        self.body = nn.Sequential(*body)
        last = space["layers"][-1]["out"]
        self.head = nn.Sequential(nn.Conv2d(last, space["head"], 1, bias=False), nn.BatchNorm2d(space["head"]))
        self.classifier = nn.Linear(space["head"], space["classes"])

    def forward(self, x):
        x = relu6(self.stem(x)).contiguous(memory_format=LAYOUT)
        x = relu6(self.head(self.body(x)))
        return self.classifier(x.mean((2, 3)))


def derived(space, choices):
    body = []
    for layer, c in zip(space["layers"], choices):
        cand = layer["candidates"][c]
        body.append(nn.Identity() if not cand else MBConv(layer["in"], layer["out"], cand[0], cand[1], layer["stride"]))
    return Net(space, body)


def batch(images, labels, idx, mean, std, flip, crop, gen):
    """Normalized [B, 1, H, W] float batch from uint8 images, with the random flip and crop coex applies."""
    x = images[idx].float().div_(255).sub_(mean).div_(std)
    if crop:
        x = F.pad(x, (crop, crop, crop, crop))
        n, _, h, w = x.shape
        dy, dx = torch.randint(0, 2 * crop + 1, (2,), generator=gen).tolist()
        x = x[:, :, dy:dy + h - 2 * crop, dx:dx + w - 2 * crop]
    if flip:
        mask = torch.rand(len(idx), generator=gen) < 0.5
        x = torch.where(mask[:, None, None, None], x.flip(3), x)
    return x.contiguous(), labels[idx]


def derived_epochs(space, choices, images, labels, test_x, test_y):
    torch.manual_seed(1)
    net = derived(space, choices).to(memory_format=LAYOUT)
    decay = [p for n, p in net.named_parameters() if n.endswith("weight") and p.dim() > 1]
    rest = [p for n, p in net.named_parameters() if not (n.endswith("weight") and p.dim() > 1)]
    opt = torch.optim.SGD([{"params": decay, "weight_decay": 5e-4}, {"params": rest, "weight_decay": 0}], lr=0.1, momentum=0.9)
    mean, std = images.float().div(255).mean().item(), images.float().div(255).std(unbiased=False).item()
    gen = torch.Generator().manual_seed(1)
    steps = math.ceil(len(images) / 128)
    times, losses = [], []
    for epoch in range(2):
        start = time.perf_counter()
        net.train()
        order = torch.randperm(len(images), generator=gen)
        total = 0.0
        for k in range(steps):
            after = epoch + (k + 1) / steps
            lr = 0.1 * after if after <= 1 else 0.1 * 0.5 * (1 + math.cos(math.pi * (epoch + k / steps - 1)))
            for g in opt.param_groups:
                g["lr"] = lr
            x, y = batch(images, labels, order[k * 128:(k + 1) * 128], mean, std, True, 0, gen)
            loss = F.cross_entropy(net(x), y, label_smoothing=0.1)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            total += loss.item()
        times.append(time.perf_counter() - start)
        losses.append(total / steps)
    start = time.perf_counter()
    net.eval()
    with torch.no_grad():
        correct = 0
        for i in range(0, len(test_x), 128):
            x, y = batch(test_x, test_y, torch.arange(i, min(i + 128, len(test_x))), mean, std, False, 0, None)
            correct += (net(x).argmax(1) == y).sum().item()
    return times, losses, time.perf_counter() - start


def step(net, opt, frozen, xy):
    """One optimizer step on a batch's cross-entropy; the gradients of the other parameter set are dropped."""
    loss = F.cross_entropy(net(xy[0]), xy[1])
    opt.zero_grad(set_to_none=True)
    loss.backward()
    opt.step()
    for p in frozen:
        p.grad = None


def supernet_epochs(space, images, labels):
    torch.manual_seed(1)
    gen = torch.Generator().manual_seed(1)
    perm = torch.randperm(len(images), generator=gen)
    val_idx, train_idx = perm[:1500], perm[1500:4500]
    net = Net(space, [Mixed(l) for l in space["layers"]]).to(memory_format=LAYOUT)
    mixed = [m for m in net.modules() if isinstance(m, Mixed)]
    alphas = [m.alpha for m in mixed]
    weights = [p for n, p in net.named_parameters() if not n.endswith("alpha")]
    w_opt = torch.optim.SGD(weights, lr=0.05, momentum=0.9, weight_decay=4e-5)
    a_opt = torch.optim.Adam(alphas, lr=0.006, betas=(0.5, 0.999), eps=1e-8)
    sub = images[train_idx].float().div(255)
    mean, std = sub.mean().item(), sub.std(unbiased=False).item()
    steps = math.ceil(3000 / 128)
    times = []
    for epoch in range(2):
        start = time.perf_counter()
        for m in mixed:
            m.tau = 5.0 * 0.956 ** epoch
            m.noise = True
        lr = 0.05 * 0.5 * (1 + math.cos(math.pi * epoch / 2))
        for g in w_opt.param_groups:
            g["lr"] = lr
        order = train_idx[torch.randperm(3000, generator=gen)]
        vorder = val_idx[torch.randperm(1500, generator=gen)]
        net.train()
        for k in range(steps):
            step(net, w_opt, alphas, batch(images, labels, order[k * 128:(k + 1) * 128], mean, std, True, 2, gen))
            if epoch >= 1:
                vk = k % math.ceil(1500 / 128)
                step(net, a_opt, weights, batch(images, labels, vorder[vk * 128:(vk + 1) * 128], mean, std, False, 0, None))
        for m in mixed:
            m.noise = False
        with torch.no_grad():
            for i in range(0, 1500, 128):
                x, y = batch(images, labels, val_idx[i:i + 128], mean, std, False, 0, None)
                net(x)
        times.append(time.perf_counter() - start)
    return times


def main():
    coex = json.load(open(sys.argv[1]))
    threads = int(sys.argv[2])
    torch.set_num_threads(threads)
    torch.set_num_interop_threads(1)
    images = torch.from_numpy(idx("train-images-idx3-ubyte.gz", 16).reshape(-1, 1, 28, 28).copy())
    labels = torch.from_numpy(idx("train-labels-idx1-ubyte.gz", 8).astype(np.int64))
    test_x = torch.from_numpy(idx("t10k-images-idx3-ubyte.gz", 16).reshape(-1, 1, 28, 28).copy())
    test_y = torch.from_numpy(idx("t10k-labels-idx1-ubyte.gz", 8).astype(np.int64))
    times, losses, test = derived_epochs(coex["space"], coex["derived"], images[:10000], labels[:10000], test_x, test_y)
    sup = [float("nan"), float("nan")] if os.environ.get("PEER_ONLY") == "derived" else supernet_epochs(coex["space"], images, labels)
    out = {"threads": threads, "torch": torch.__version__, "layout": str(LAYOUT), "derived_epoch_seconds": times, "derived_losses": losses,
           "test_pass_seconds": test, "supernet_warmup_epoch_seconds": sup[0], "supernet_search_epoch_seconds": sup[1]}
    json.dump(out, open(sys.argv[3], "w"), indent=2)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
