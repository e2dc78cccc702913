import Taro from '@tarojs/taro'
import { ListFooter } from '@/components/ListFooter'
import { routes } from '@/routes'
import type { ProjectsState } from '../hooks/use-projects'
import { ProjectCard } from './ProjectCard'

/** A paged list of projects as cards, each opening its project page, with the list's footer (more, the end). */
export function ProjectCardList({ list }: { list: ProjectsState }) {
  return (
    <>
      {list.items.map((p) => (
        <ProjectCard
          key={p.id}
          project={p}
          onClick={() => void Taro.navigateTo({ url: routes.project(p.id) })}
        />
      ))}
      <ListFooter list={list} more="pull" endText={`共 ${list.total} 个项目，已全部显示`} />
    </>
  )
}
