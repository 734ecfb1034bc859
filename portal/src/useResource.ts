import { ref, shallowRef, type Ref, type ShallowRef } from 'vue'
import { ApiError } from './api/http'

export interface Resource<T> {
  data: ShallowRef<T | null>
  loading: Ref<boolean>
  error: Ref<string | null>
  /** The HTTP status of the last failure (0: the server could not be reached). */
  status: Ref<number>
  reload: () => Promise<void>
}

/** One API read with its loading and error state; a newer load wins over an older one still in flight. */
export function useResource<T>(load: () => Promise<T>, immediate = true): Resource<T> {
  const data = shallowRef<T | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)
  const status = ref(0)
  let generation = 0

  async function reload(): Promise<void> {
    const mine = ++generation
    loading.value = true
    error.value = null
    try {
      const value = await load()
      if (mine === generation) data.value = value
    } catch (e) {
      if (mine === generation) {
        error.value = (e as Error).message
        status.value = e instanceof ApiError ? e.status : 0
      }
    } finally {
      if (mine === generation) loading.value = false
    }
  }

  if (immediate) void reload()
  return { data, loading, error, status, reload }
}
