// The page shell.  The playground (editor, steps, panels) arrives with the
// interpreter; today the page shows facts computed by the real runtime.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { request } from './engine/client.js';

function SizeClasses({ rows }) {
  return (
    <table data-testid="size-classes">
      <caption>pymalloc size classes: requests of <span class="nowrap">1–512</span> bytes</caption>
      <thead>
        <tr><th>class</th><th>request bytes</th><th>block</th><th>blocks per 16 KiB pool</th></tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.class} data-testid="size-class">
            <td>{r.class}</td>
            <td>{r.block - 15}–{r.block}</td>
            <td>{r.block} B</td>
            <td>{r.blocks_per_pool}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CycleDemo({ demo }) {
  return (
    <section class="card" data-testid="cycle-demo">
      <h2>A reference cycle, collected</h2>
      <p>
        Two lists that hold each other: <code>a = []</code>, <code>b = [a]</code>,{' '}
        <code>a.append(b)</code>.
        Each has refcount <b>{demo.refcount_before_del}</b>, so <code>del a, b</code> frees
        nothing. <code>gc.collect()</code> finds them unreachable and returns
        <b data-testid="collected"> {demo.collected}</b>. Heap check afterwards:
        <b data-testid="heap-check"> {demo.heap_check}</b>.
      </p>
    </section>
  );
}

function App() {
  const [rows, setRows] = useState(null);
  const [demo, setDemo] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    const fail = (e) => setError(`The memory engine did not start: ${e.message}`);
    request('sizeClasses').then(setRows, fail);
    request('cycleDemo').then(setDemo, fail);
  }, []);
  return (
    <main>
      <header>
        <h1>memplay</h1>
        <p>Watch Python manage memory: a real CPython 3.11 memory runtime, compiled to
          WebAssembly, running in your browser.</p>
      </header>
      {error && <p class="error" data-testid="error" role="alert">{error}</p>}
      {demo && <CycleDemo demo={demo} />}
      <section class="card">
        <h2>Runtime facts</h2>
        {rows ? <SizeClasses rows={rows} /> : !error && <p>Starting the engine…</p>}
      </section>
    </main>
  );
}

render(<App />, document.getElementById('app'));
