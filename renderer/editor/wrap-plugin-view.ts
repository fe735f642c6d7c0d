import { Plugin, type PluginView } from 'prosemirror-state'

/**
 * The same plugin with the view it makes wrapped by `wrap` (which decides when the inner view's
 * `update` runs); a plugin without a view is returned as it is.
 */
export const wrapPluginView = (plugin: Plugin, wrap: (inner: PluginView) => PluginView): Plugin => {
  const makeView = plugin.spec.view
  if (makeView === undefined) return plugin
  return new Plugin({ ...plugin.spec, view: (view) => wrap(makeView(view)) })
}
