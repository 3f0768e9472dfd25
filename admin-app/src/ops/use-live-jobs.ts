import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/graphql.ts';
import { followJobChanges } from '../api/live.ts';
import { loadBoardJobs, type BoardJob } from './jobs-query.ts';

/** The shop's jobs, reloaded whenever the server reports a change (another operator, a worker). */
export function useLiveJobs() {
  const [jobs, setJobs] = useState<BoardJob[] | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [live, setLive] = useState(false);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => {
    loadBoardJobs()
      .then((loaded) => {
        setJobs(loaded);
        setProblem(null);
      })
      .catch((error: unknown) => setProblem(error instanceof ApiError ? error : new ApiError(String(error), 0, undefined)));
  }, []);
  useEffect(() => {
    reload();
    return followJobChanges(() => {
      reload();
      setVersion((value) => value + 1);
    }, setLive);
  }, [reload]);
  return { jobs, problem, live, reload, version };
}
