// The page's entry: mounts the playground.
import { render } from 'preact';
import { App } from './ui/App.jsx';

render(<App />, document.getElementById('app'));
