/** Preload (sandboxed, bundled to CommonJS): exposes the API contract as window.workbench, nothing else. */
import { contextBridge, ipcRenderer } from 'electron';
import { exposeContract } from './exposeContract';

exposeContract(contextBridge, ipcRenderer);
