// Library requests and events: filled in by the library issue.
export const libraryRequests = {}
export const libraryEvents = {}
