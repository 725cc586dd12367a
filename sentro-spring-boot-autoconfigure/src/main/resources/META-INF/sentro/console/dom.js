// Preact, served from its WebJar: it renders every value as text, never as markup.
export { h, render, Component, Fragment, createRef } from '../vendor/preact/dist/preact.module.js';
