// Weather requests and events: filled in by the weather desk issue.
export const weatherRequests = {}
export const weatherEvents = {}
