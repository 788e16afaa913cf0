/// <reference lib="dom" />
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import { IPC_EVENT, IPC_GRANT_FILE, IPC_REQUEST } from '@shared/contract/ipc-channels'
import { createApi } from './create-api'

// The renderer gets window.api and nothing else: no ipcRenderer, no arbitrary channel.
const api = createApi(
  {
    request: (channel, params) => ipcRenderer.invoke(IPC_REQUEST, channel, params),
    subscribe(listener) {
      const onEvent = (_e: IpcRendererEvent, event: string, payload: unknown): void =>
        listener(event, payload)
      ipcRenderer.on(IPC_EVENT, onEvent)
      return () => ipcRenderer.removeListener(IPC_EVENT, onEvent)
    }
  },
  {
    // Dropped files carry no path in a sandboxed page; Electron can tell it, for a File the
    // user gave (a File the page made has none). Such a path is granted in main, and only the
    // preload can send that grant.
    pathOf: (file) => webUtils.getPathForFile(file as File),
    grant: (path) => ipcRenderer.invoke(IPC_GRANT_FILE, path)
  }
)

contextBridge.exposeInMainWorld('api', api)
