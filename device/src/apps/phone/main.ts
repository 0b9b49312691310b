import { h } from '../../ui/dom';

document.getElementById('app')!.append(h('p', { class: 'empty' }, 'Engine not available yet.'));
